package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The requesting center agreed to the extension (同意延期): the platform moves the due date by the working
 * days asked for and tells both centers the new one ({@link CaseDeadlineChanged}).
 *
 * @param workingDays the working days agreed, as asked for
 */
public record CaseExtensionAgreed(CaseId caseId, ServiceItem item, CenterCode requestingCenter, int workingDays,
                                  String reason, Instant agreedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "extension-agreed", 1);

    public CaseExtensionAgreed {
        if (workingDays < 1 || workingDays > 60) {
            throw new IllegalArgumentException("an extension is 1 to 60 working days, not " + workingDays);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an answer to an extension request gives its reason");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
