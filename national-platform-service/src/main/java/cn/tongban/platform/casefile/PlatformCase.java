package cn.tongban.platform.casefile;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform's record of a cross-center case: the system of record for where it stands and when it is
 * due. It holds no personal data: the applicant stays with the two centers.
 *
 * @param deliveredAt when the handling center's delivery receipt came: the legal clock starts
 * @param dueAt the end of the item's time limit in working days, counted from delivery, moved by pauses and
 *        agreed extensions; absent while the clock stands still for missing materials
 * @param warnAt when both centers are warned that the case is due (the start of its last day)
 * @param warnedAt when they were warned, null until then (and again after the due date moved)
 * @param breachedAt when the case was marked overdue, null unless it was
 * @param pauses every stop of the clock for missing materials (补正), the open one last
 * @param extensions every extension negotiation (延期), the open one last
 */
public record PlatformCase(String id, ServiceItem item, HandlingMode mode, CenterCode requestingCenter,
                           CenterCode handlingCenter, CaseState state, Instant submittedAt, Instant deliveredAt,
                           Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant updatedAt,
                           List<Step> history, List<Pause> pauses, List<Extension> extensions) {

    /** States in which the clock runs: delivered to the handling center, no result yet, no materials awaited. */
    public static final List<CaseState> CLOCK_RUNNING = List.copyOf(CaseState.clockRunning());

    public PlatformCase {
        history = history == null ? List.of() : List.copyOf(history);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A case without pauses or extensions (yet). */
    public PlatformCase(String id, ServiceItem item, HandlingMode mode, CenterCode requestingCenter,
                        CenterCode handlingCenter, CaseState state, Instant submittedAt, Instant deliveredAt,
                        Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant updatedAt,
                        List<Step> history) {
        this(id, item, mode, requestingCenter, handlingCenter, state, submittedAt, deliveredAt, dueAt, warnAt,
                warnedAt, breachedAt, updatedAt, history, List.of(), List.of());
    }

    /** One relayed event and the state it left the case in. */
    public record Step(Instant at, String eventId, String type, CenterCode from, CenterCode to, CaseState state) {
    }

    /**
     * The clock stood still while the handling center waited for materials (补正).
     *
     * @param dueBefore the due time it stopped short of
     * @param remainingWorkingDays the working days left after the day it stopped, kept for when it runs again
     * @param missing what the handling center asked for
     * @param until when the materials came, null while they are awaited
     * @param dueAfter the due time once it ran again
     */
    public record Pause(Instant since, Instant dueBefore, int remainingWorkingDays, List<String> missing,
                        Instant until, Instant dueAfter) {
    }

    /**
     * One extension negotiation (延期协商): asked for by the handling center, answered by the requesting center.
     * Each step is also a relayed event in the case's history and in the audit log.
     *
     * @param dueBefore the due time when it was asked for
     * @param dueAfter the new due time if agreed
     */
    public record Extension(int number, CenterCode requestedBy, int workingDays, String reason, Instant requestedAt,
                            Answer answer, String answerReason, Instant answeredAt, Instant dueBefore,
                            Instant dueAfter) {

        /** Where the negotiation stands. */
        public enum Answer {
            PENDING, AGREED, DECLINED
        }
    }

    /** Whether a center is one of the two parties. */
    public boolean involves(CenterCode center) {
        return requestingCenter.equals(center) || handlingCenter.equals(center);
    }

    /** The pause still waiting for materials, if the clock stands still. */
    public Optional<Pause> openPause() {
        return pauses.isEmpty() || pauses.get(pauses.size() - 1).until() != null
                ? Optional.empty() : Optional.of(pauses.get(pauses.size() - 1));
    }

    /** The extension request still waiting for an answer, if any. */
    public Optional<Extension> openExtension() {
        return extensions.isEmpty() || extensions.get(extensions.size() - 1).answer() != Extension.Answer.PENDING
                ? Optional.empty() : Optional.of(extensions.get(extensions.size() - 1));
    }
}
