package cn.tongban.contracts.federatedquery;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A person asked, at their home center, which centers hold an account of theirs (跨中心信息查询, item 01's
 * federated view). The asking center sends it to the platform without a destination; the platform forwards the
 * same event to every center its holder index names for {@code person}. Carries the keyed hash only.
 *
 * @param caseId the query's serial number at the asking center (its id; not a case with a time limit)
 */
public record FederatedQueryAsked(CaseId caseId, CenterCode askingCenter, IdentityHash person, Instant askedAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("federated-query", "asked", 1);

    public FederatedQueryAsked {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(askingCenter, "askingCenter");
        Objects.requireNonNull(person, "person");
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
