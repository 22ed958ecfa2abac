package cn.tongban.platform.casefile;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import java.time.Instant;
import java.util.List;

/**
 * The platform's record of a cross-center case: the system of record for where it stands and when it is
 * due. It holds no personal data: the applicant stays with the two centers.
 *
 * @param deliveredAt when the handling center's delivery receipt came: the legal clock starts
 * @param dueAt the end of the item's time limit in working days, counted from delivery
 * @param warnAt when both centers are warned that the case is due (the start of its last day)
 * @param warnedAt when they were warned, null until then
 * @param breachedAt when the case was marked overdue, null unless it was
 */
public record PlatformCase(String id, ServiceItem item, HandlingMode mode, CenterCode requestingCenter,
                           CenterCode handlingCenter, CaseState state, Instant submittedAt, Instant deliveredAt,
                           Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant updatedAt,
                           List<Step> history) {

    /** States in which the clock runs: delivered to the handling center and no result yet. */
    public static final List<CaseState> CLOCK_RUNNING = List.of(CaseState.DELIVERED, CaseState.ACCEPTED);

    public PlatformCase {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One relayed event and the state it left the case in. */
    public record Step(Instant at, String eventId, String type, CenterCode from, CenterCode to, CaseState state) {
    }

    /** Whether a center is one of the two parties. */
    public boolean involves(CenterCode center) {
        return requestingCenter.equals(center) || handlingCenter.equals(center);
    }
}
