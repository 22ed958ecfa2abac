package cn.tongban.contracts.transfer;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/** The new center cancelled its application before the old center accepted it (转入撤销). */
public record TransferCancelled(CaseId caseId, ContactLetterNumber contactLetter, CenterCode newCenter, String reason,
                                String clerk, Instant cancelledAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("transfer", "cancelled", 1);

    public TransferCancelled {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(contactLetter, "contactLetter");
        Objects.requireNonNull(newCenter, "newCenter");
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
