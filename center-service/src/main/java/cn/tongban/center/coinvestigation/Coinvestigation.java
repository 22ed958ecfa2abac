package cn.tongban.center.coinvestigation;

import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import java.time.Instant;
import java.util.List;

/**
 * A co-investigation (信息协查) as this center keeps it, in the cases collection so that the common steps (delivery,
 * acceptance, deadline warning and breach) move and mark it the same way as every cross-center case.
 *
 * @param requestingCenter the center that asks
 * @param handlingCenter the center that investigates
 * @param applicant the person it is about, as the common case list shows it; {@code null} for an employer
 * @param dueAt the platform's due time, once it warned or marked a breach
 * @param breachedAt when the platform marked the answer overdue (超时), seen at both centers
 * @param confirmed the answer: whether the fact holds, {@code null} when it could not be established
 */
public record Coinvestigation(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                              CenterCode handlingCenter, String kind, Applicant applicant, IdentityNumber identityNumber,
                              CreditCode creditCode, String subjectName, String question, String purpose, String clerk,
                              CaseState state, Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history,
                              Instant dueAt, Instant breachedAt, Boolean confirmed, String finding, String answeredBy,
                              Instant answeredAt) {

    /** The value of {@code kind} that marks a co-investigation among the cases. */
    public static final String KIND = "coinvestigation";

    public Coinvestigation {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The person a co-investigation is about, for the common case list; none for an employer or without a name. */
    static Applicant applicantOf(IdentityNumber identityNumber, String name) {
        return identityNumber == null || name == null || name.isBlank() ? null : new Applicant(identityNumber, name);
    }

    /** Whether the answer is overdue by the platform's clock. */
    public boolean breached() {
        return breachedAt != null;
    }
}
