package cn.tongban.contracts.coinvestigation;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A center asks another to check a fact (协查申请) about a person (by identity number) or an employer (by unified social
 * credit code): what to check and why.
 *
 * @param subjectId the person's identity number or the employer's credit code, as {@code subject} says
 * @param question what to check, e.g. whether the person had a provident-fund loan there
 * @param purpose why, e.g. the loan application it serves
 */
public record CoinvestigationRequested(CaseId caseId, CenterCode requestingCenter, CenterCode investigatingCenter,
                                       Subject subject, String subjectId, String subjectName, String question,
                                       String purpose, String clerk, Instant requestedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("coinvestigation", "requested", 1);

    /** Whom it is about: a person, by identity number, or an employer, by unified social credit code. */
    public enum Subject {
        PERSON, EMPLOYER
    }

    public CoinvestigationRequested {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(requestingCenter, "requestingCenter");
        Objects.requireNonNull(investigatingCenter, "investigatingCenter");
        Objects.requireNonNull(subject, "subject");
        if (subject == Subject.PERSON) {
            IdentityNumber.of(subjectId);
        } else {
            CreditCode.of(subjectId);
        }
        if (question == null || question.isBlank() || purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a co-investigation says what to check and why");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
