package cn.tongban.platform.deadline;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutgoingEvents;

/** Where the platform's notices about a case's clock go: to both centers and to the dashboards. */
final class DeadlineNotices {

    private DeadlineNotices() {
    }

    static OutboxEvent[] toBothCentersAndDashboards(OutgoingEvents events, CaseEvent notice, CenterCode requesting,
                                                     CenterCode handling) {
        return new OutboxEvent[] {
                events.of(notice, Topics.centerInbound(requesting), requesting, null),
                events.of(notice, Topics.centerInbound(handling), handling, null),
                events.of(notice, Topics.PLATFORM_EVENTS, null, null)};
    }
}
