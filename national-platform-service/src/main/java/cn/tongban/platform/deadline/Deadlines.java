package cn.tongban.platform.deadline;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseDeadlineChanged;
import cn.tongban.contracts.casefile.CaseExtensionAgreed;
import cn.tongban.contracts.casefile.CaseExtensionDeclined;
import cn.tongban.contracts.casefile.CaseExtensionRequested;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.CaseSupplementRequested;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.platform.casefile.PlatformCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * When a case is due: the item's time limit in working days after delivery, on the Chinese working-day
 * calendar, due at the end of that day in China time. A year the calendar has no data for is reported
 * (log and metric), and counted Monday to Friday rather than guessed.
 */
@Component
public class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;
    private final MeterRegistry meters;

    private final OutgoingEvents events;

    Deadlines(DeadlineProperties properties, ResourceLoader resources, MeterRegistry meters, OutgoingEvents events) {
        this.properties = properties;
        this.meters = meters;
        this.events = events;
        try (InputStream data = resources.getResource(properties.calendar()).getInputStream()) {
            this.calendar = WorkingDayCalendar.load(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar " + properties.calendar(), e);
        }
        for (String code : properties.timeLimits().keySet()) {
            ServiceItem.ofCode(code);
        }
    }

    public int timeLimit(ServiceItem item) {
        Integer days = properties.timeLimits().get(item.code());
        if (days == null) {
            throw new IllegalStateException("no time limit configured for item " + item.code());
        }
        return days;
    }

    /**
     * The clock of a case delivered at {@code deliveredAt}: due at the end of the item's last working day
     * in China time, with the warning at the start of that day.
     */
    public Clock start(ServiceItem item, Instant deliveredAt) {
        return clockOn(calendar.dueDate(LocalDate.ofInstant(deliveredAt, CHINA), timeLimit(item)));
    }

    /**
     * The working days a case keeps when its clock stops at {@code at}: those after that day up to its due
     * date. The day the materials are asked for counts as used; none are left once the due date passed.
     */
    public int remainingWorkingDays(Instant dueAt, Instant at) {
        return Math.max(0, calendar.workingDaysBetween(LocalDate.ofInstant(at, CHINA), LocalDate.ofInstant(dueAt, CHINA)));
    }

    /**
     * The clock of a case running again at {@code at} with {@code remaining} working days: counted from the
     * working day after the materials came, as from a delivery.
     */
    public Clock resume(int remaining, Instant at) {
        return clockOn(calendar.dueDate(LocalDate.ofInstant(at, CHINA), remaining));
    }

    /** The clock of a case whose due date moves by {@code workingDays} agreed working days. */
    public Clock extend(Instant dueAt, int workingDays) {
        return clockOn(calendar.dueDate(LocalDate.ofInstant(dueAt, CHINA), workingDays));
    }

    private Clock clockOn(DueDate due) {
        if (!due.isCertain()) {
            log.warn("the working-day calendar has no data for {}: counted Monday to Friday there", due.yearsWithoutData());
            meters.counter("tongban.deadline.calendar.gaps").increment();
        }
        // the last millisecond of the day: what the store keeps, so that events and the case agree
        return new Clock(due.date().plusDays(1).atStartOfDay(CHINA).toInstant().minusMillis(1),
                due.date().atStartOfDay(CHINA).toInstant());
    }

    /**
     * What one step of a case does to its clock, added to the step's atomic change: delivery starts it, a
     * request for materials stops it, the materials start it again with the days that were left, an agreed
     * extension moves the due date; each change is told to both centers ({@link CaseDeadlineChanged}). The
     * extension negotiation and the pauses are recorded on the case.
     *
     * @return the case's due time after the step (null while the clock stands still)
     * @throws MalformedEventException when an agreement names other working days than were asked for; a step
     *         the case is not ready for changes nothing here and is refused by the change's state check
     */
    public Instant onStep(PlatformCase current, CaseEvent step, CaseState target, Instant now, AtomicChange change) {
        return switch (target) {
            case DELIVERED -> {
                Clock clock = start(current.item(), now);
                change.set("deliveredAt", now).set("dueAt", clock.dueAt()).set("warnAt", clock.warnAt());
                yield clock.dueAt();
            }
            case AWAITING_SUPPLEMENT -> {
                CaseSupplementRequested asked = (CaseSupplementRequested) step;
                int remaining = remainingWorkingDays(current.dueAt(), now);
                List<PlatformCase.Pause> pauses = new ArrayList<>(current.pauses());
                pauses.add(new PlatformCase.Pause(now, current.dueAt(), remaining, asked.missing(), null, null));
                change.set("pauses", pauses).set("dueAt", null).set("warnAt", null);
                change.emit(notice(current, CaseDeadlineChanged.Cause.PAUSED, current.dueAt(), remaining, now));
                yield null;
            }
            case SUPPLEMENTED -> {
                if (current.openPause().isEmpty()) {
                    yield current.dueAt(); // not awaiting materials (or this very event was applied): the change refuses it
                }
                PlatformCase.Pause pause = current.openPause().get();
                Clock clock = resume(pause.remainingWorkingDays(), now);
                List<PlatformCase.Pause> pauses = new ArrayList<>(current.pauses());
                pauses.set(pauses.size() - 1, new PlatformCase.Pause(pause.since(), pause.dueBefore(),
                        pause.remainingWorkingDays(), pause.missing(), now, clock.dueAt()));
                runAgain(change, clock).set("pauses", pauses);
                change.emit(notice(current, CaseDeadlineChanged.Cause.RESUMED, clock.dueAt(), pause.remainingWorkingDays(), now));
                yield clock.dueAt();
            }
            case EXTENSION_REQUESTED -> {
                CaseExtensionRequested asked = (CaseExtensionRequested) step;
                List<PlatformCase.Extension> extensions = new ArrayList<>(current.extensions());
                extensions.add(new PlatformCase.Extension(extensions.size() + 1, current.handlingCenter(),
                        asked.workingDays(), asked.reason(), now, PlatformCase.Extension.Answer.PENDING, null, null,
                        current.dueAt(), null));
                change.set("extensions", extensions);
                yield current.dueAt();
            }
            case EXTENSION_AGREED -> {
                CaseExtensionAgreed agreed = (CaseExtensionAgreed) step;
                if (current.openExtension().isEmpty()) {
                    yield current.dueAt(); // nothing to answer (or this very event was applied): the change refuses it
                }
                PlatformCase.Extension open = current.openExtension().get();
                if (agreed.workingDays() != open.workingDays()) {
                    throw new MalformedEventException("EXTENSION_MISMATCH", "case " + current.id() + ": "
                            + open.workingDays() + " working days were asked for, not " + agreed.workingDays());
                }
                Clock clock = extend(current.dueAt(), open.workingDays());
                answer(current, change, open, PlatformCase.Extension.Answer.AGREED, agreed.reason(), now, clock.dueAt());
                runAgain(change, clock);
                change.emit(notice(current, CaseDeadlineChanged.Cause.EXTENDED, clock.dueAt(),
                        remainingWorkingDays(clock.dueAt(), now), now));
                yield clock.dueAt();
            }
            case EXTENSION_DECLINED -> {
                CaseExtensionDeclined declined = (CaseExtensionDeclined) step;
                current.openExtension().ifPresent(open -> answer(current, change, open,
                        PlatformCase.Extension.Answer.DECLINED, declined.reason(), now, null));
                yield current.dueAt();
            }
            default -> current.dueAt();
        };
    }

    private static void answer(PlatformCase current, AtomicChange change, PlatformCase.Extension open,
                               PlatformCase.Extension.Answer answer, String reason, Instant now, Instant dueAfter) {
        List<PlatformCase.Extension> extensions = new ArrayList<>(current.extensions());
        extensions.set(extensions.size() - 1, new PlatformCase.Extension(open.number(), open.requestedBy(),
                open.workingDays(), open.reason(), open.requestedAt(), answer, reason, now, open.dueBefore(), dueAfter));
        change.set("extensions", extensions);
    }

    /** A new due date: the last-day warning is due again. */
    private static AtomicChange runAgain(AtomicChange change, Clock clock) {
        return change.set("dueAt", clock.dueAt()).set("warnAt", clock.warnAt()).set("warnedAt", null);
    }

    private OutboxEvent[] notice(PlatformCase c, CaseDeadlineChanged.Cause cause, Instant dueAt, int remaining, Instant now) {
        CaseDeadlineChanged changed = new CaseDeadlineChanged(CaseId.of(c.id()), c.item(), c.requestingCenter(),
                c.handlingCenter(), cause, dueAt, remaining, now);
        return DeadlineNotices.toBothCentersAndDashboards(events, changed, c.requestingCenter(), c.handlingCenter());
    }

    /** When a case is due and when both centers are warned. */
    public record Clock(Instant dueAt, Instant warnAt) {
    }
}
