package cn.tongban.contracts.item;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The requesting center has closed the case with the person (办结), e.g. told them the withdrawal was paid and
 * filed the receipt.
 *
 * @param clerk the staff member who closed it
 */
public record ItemCompleted(CaseId caseId, ServiceItem item, CenterCode requestingCenter, String clerk,
                            Instant completedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("item", "completed", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
