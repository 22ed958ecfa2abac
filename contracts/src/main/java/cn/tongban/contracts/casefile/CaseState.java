package cn.tongban.contracts.casefile;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a cross-center case (DESIGN §4), shared by the platform and both centers so that
 * everyone names a case's state the same way. The allowed transitions are this table and nothing else.
 */
public enum CaseState {
    /** The requesting center has sent it (已提交). */
    SUBMITTED,
    /** The handling center has received it: the legal clock starts (已送达). */
    DELIVERED,
    /** The handling center has accepted it for handling (已受理). */
    ACCEPTED,
    /** The handling center has sent its result (已反馈结果). */
    RESULT_SENT,
    /** The requesting center has closed it, e.g. handed the certificate over (已办结). */
    COMPLETED,
    /** The handling center refused it, with a reason (不予受理/不予办理). */
    REJECTED,
    /** The requesting center withdrew it (已撤回). */
    WITHDRAWN,
    /** The handling center asked for missing materials: the clock stands still (待补正). */
    AWAITING_SUPPLEMENT,
    /** The requesting center supplied them: the clock runs again with the days that were left (已补正). */
    SUPPLEMENTED,
    /** The handling center asked for more working days; the clock runs on the old due date (延期申请中). */
    EXTENSION_REQUESTED,
    /** The requesting center agreed: the case is due later (已同意延期). */
    EXTENSION_AGREED,
    /** The requesting center declined: the due date stays (不同意延期). */
    EXTENSION_DECLINED;

    private static final Map<CaseState, Set<CaseState>> NEXT = new EnumMap<>(CaseState.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(DELIVERED, REJECTED, WITHDRAWN));
        NEXT.put(DELIVERED, EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN, AWAITING_SUPPLEMENT, EXTENSION_REQUESTED));
        NEXT.put(ACCEPTED, EnumSet.of(RESULT_SENT, REJECTED, AWAITING_SUPPLEMENT, EXTENSION_REQUESTED));
        NEXT.put(RESULT_SENT, EnumSet.of(COMPLETED));
        NEXT.put(COMPLETED, EnumSet.noneOf(CaseState.class));
        NEXT.put(REJECTED, EnumSet.noneOf(CaseState.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(CaseState.class));
        NEXT.put(AWAITING_SUPPLEMENT, EnumSet.of(SUPPLEMENTED, REJECTED, WITHDRAWN));
        NEXT.put(SUPPLEMENTED, EnumSet.of(ACCEPTED, RESULT_SENT, REJECTED, AWAITING_SUPPLEMENT, EXTENSION_REQUESTED));
        NEXT.put(EXTENSION_REQUESTED, EnumSet.of(EXTENSION_AGREED, EXTENSION_DECLINED));
        NEXT.put(EXTENSION_AGREED, EnumSet.of(ACCEPTED, RESULT_SENT, REJECTED, AWAITING_SUPPLEMENT, EXTENSION_REQUESTED));
        NEXT.put(EXTENSION_DECLINED, EnumSet.of(ACCEPTED, RESULT_SENT, REJECTED, AWAITING_SUPPLEMENT, EXTENSION_REQUESTED));
    }

    /** The states in which the handling center owes an answer and its time limit runs. */
    private static final Set<CaseState> CLOCK_RUNS = EnumSet.of(DELIVERED, ACCEPTED, SUPPLEMENTED,
            EXTENSION_REQUESTED, EXTENSION_AGREED, EXTENSION_DECLINED);

    /** The states the requesting center moves a case into; the handling center moves it into all others. */
    private static final Set<CaseState> REQUESTING_CENTERS_MOVES = EnumSet.of(SUBMITTED, COMPLETED, WITHDRAWN,
            SUPPLEMENTED, EXTENSION_AGREED, EXTENSION_DECLINED);

    public boolean canMoveTo(CaseState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states from which {@code target} may be reached in one step. */
    public static Set<CaseState> predecessorsOf(CaseState target) {
        Set<CaseState> from = EnumSet.noneOf(CaseState.class);
        NEXT.forEach((state, next) -> {
            if (next.contains(target)) {
                from.add(state);
            }
        });
        return from;
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    /** Whether the time limit runs in this state: delivered, no result yet, and not waiting for materials. */
    public boolean clockRuns() {
        return CLOCK_RUNS.contains(this);
    }

    /** The states in which the time limit runs (see {@link #clockRuns()}). */
    public static Set<CaseState> clockRunning() {
        return EnumSet.copyOf(CLOCK_RUNS);
    }

    /** Whether the handling center (rather than the requesting center) is the one that moves a case here. */
    public boolean isHandlingCentersMove() {
        return !REQUESTING_CENTERS_MOVES.contains(this);
    }
}
