package cn.tongban.contracts.transfer;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * The new center credited the transfer to the person's account (外部转入) and the case is done (办结): the old center
 * learns what was credited, for the reconciliation of in = out.
 *
 * @param statusCode the national status it ended with: {@code 00} 正常办结 or {@code 20} 协商办结
 */
public record TransferCredited(CaseId caseId, ContactLetterNumber contactLetter, CenterCode newCenter,
                               String newAccountNumber, Money amount, String statusCode, Instant creditedAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("transfer", "credited", 1);

    public TransferCredited {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(contactLetter, "contactLetter");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
