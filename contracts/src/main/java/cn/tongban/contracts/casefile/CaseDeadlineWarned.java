package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The platform warns both centers that a case is due today (临期预警). Sent by the platform to each party;
 * not a step of the case: its state does not change.
 */
public record CaseDeadlineWarned(CaseId caseId, ServiceItem item, CenterCode requestingCenter,
                                 CenterCode handlingCenter, Instant dueAt, Instant warnedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "deadline-warned", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
