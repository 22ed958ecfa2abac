package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The handling center cannot finish within the time limit and asks the requesting center for more working
 * days (申请延期), with its reason. The clock keeps running on the old due date until the answer.
 *
 * @param workingDays how many working days it asks for, 1 to 60
 */
public record CaseExtensionRequested(CaseId caseId, ServiceItem item, CenterCode handlingCenter, int workingDays,
                                     String reason, Instant requestedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "extension-requested", 1);

    public CaseExtensionRequested {
        if (workingDays < 1 || workingDays > 60) {
            throw new IllegalArgumentException("an extension is 1 to 60 working days, not " + workingDays);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an extension request gives its reason");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
