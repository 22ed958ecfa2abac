package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * The platform changed a case's clock (办理时限变更) and tells both centers: stopped while materials are
 * missing, running again after they came, or moved by an agreed extension. Sent by the platform; not a step
 * of the case.
 *
 * @param dueAt the due time: the new one when the clock runs again or was extended; when it stopped, the one
 *        it stopped short of (no longer binding)
 * @param remainingWorkingDays the working days after the day of the change up to {@code dueAt}: when the clock
 *        stopped, the days the case keeps for when it runs again
 */
public record CaseDeadlineChanged(CaseId caseId, ServiceItem item, CenterCode requestingCenter,
                                  CenterCode handlingCenter, Cause cause, Instant dueAt, int remainingWorkingDays,
                                  Instant changedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "deadline-changed", 1);

    /** Why the clock changed. */
    public enum Cause {
        /** Stopped: materials were asked for (补正中止计时). */
        PAUSED,
        /** Running again with the days that were left: the materials came. */
        RESUMED,
        /** Moved by an agreed extension (延期). */
        EXTENDED
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
