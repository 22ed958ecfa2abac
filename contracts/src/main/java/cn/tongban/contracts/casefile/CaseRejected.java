package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The handling center refused the case (不予办理), with a stable reason code (e.g. {@code NO_SUCH_ACCOUNT},
 * {@code ACCOUNT_CLOSED}, {@code NAME_MISMATCH}) and a text a clerk can read out to the applicant.
 */
public record CaseRejected(CaseId caseId, ServiceItem item, CenterCode handlingCenter, String reasonCode,
                           String reason, Instant rejectedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "rejected", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
