package cn.tongban.center.federatedquery;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.federatedquery.AccountSummary;
import cn.tongban.contracts.federatedquery.IdentityHash;
import java.time.Instant;
import java.util.List;

/**
 * A federated information query (跨中心信息查询) as the asking center keeps it: for whom (the keyed hash, and the
 * masked number for staff to read), who asked and why, where the platform sent it, and the answers so far. It is
 * also the audit record of a query made by staff for someone else.
 *
 * @param id the query id (this center's serial number)
 * @param askedBy the subject of the token that asked
 * @param onBehalf true when staff asked for a named person (then {@code reason} says why)
 * @param routedAt when the platform said where it sent the query; null until then
 */
record FederatedQuery(String id, IdentityHash person, String personMasked, String askedBy, boolean onBehalf,
                      String reason, Instant askedAt, Instant routedAt, List<CenterCode> askedCenters,
                      List<CenterCode> suspendedCenters, List<Answer> answers) {

    static final String COLLECTION = "federated_queries";

    FederatedQuery {
        askedCenters = askedCenters == null ? List.of() : List.copyOf(askedCenters);
        suspendedCenters = suspendedCenters == null ? List.of() : List.copyOf(suspendedCenters);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** One holding center's answer. */
    record Answer(CenterCode center, List<AccountSummary> accounts, Instant answeredAt) {
    }
}
