package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** Delivery receipt (送达回执) of the handling center: fixes the legal time the clock starts. */
public record CaseDelivered(CaseId caseId, ServiceItem item, CenterCode handlingCenter, Instant deliveredAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "delivered", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
