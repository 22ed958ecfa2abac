package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * Published by the platform on {@code tongban.platform.events} for every state change of a case it tracks,
 * for dashboards and reports. Carries no personal data.
 */
public record CaseTransitioned(CaseId caseId, ServiceItem item, HandlingMode mode, CenterCode requestingCenter,
                               CenterCode handlingCenter, CaseState from, CaseState to, Instant at,
                               Instant dueAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("platform", "case-transitioned", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
