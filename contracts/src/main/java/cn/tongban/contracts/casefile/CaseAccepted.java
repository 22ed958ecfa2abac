package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The handling center accepted the case for handling (受理). */
public record CaseAccepted(CaseId caseId, ServiceItem item, CenterCode handlingCenter, Instant acceptedAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "accepted", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
