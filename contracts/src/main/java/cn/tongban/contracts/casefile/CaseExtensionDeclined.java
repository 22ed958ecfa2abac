package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The requesting center declined the extension (不同意延期), with its reason: the due date stays. */
public record CaseExtensionDeclined(CaseId caseId, ServiceItem item, CenterCode requestingCenter, String reason,
                                    Instant declinedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "extension-declined", 1);

    public CaseExtensionDeclined {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an answer to an extension request gives its reason");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
