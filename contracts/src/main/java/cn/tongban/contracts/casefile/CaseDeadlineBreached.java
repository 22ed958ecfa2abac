package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The platform marks a case overdue (超期): its time limit passed before the handling center sent a result.
 * Sent by the platform to both parties, whose contact persons follow it up; not a step of the case.
 */
public record CaseDeadlineBreached(CaseId caseId, ServiceItem item, CenterCode requestingCenter,
                                   CenterCode handlingCenter, Instant dueAt, Instant breachedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "deadline-breached", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
