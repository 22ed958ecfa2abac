package cn.tongban.contracts.casefile;

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
    WITHDRAWN;

    private static final Map<CaseState, Set<CaseState>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(DELIVERED, REJECTED, WITHDRAWN),
            DELIVERED, EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN),
            ACCEPTED, EnumSet.of(RESULT_SENT, REJECTED),
            RESULT_SENT, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(CaseState.class),
            REJECTED, EnumSet.noneOf(CaseState.class),
            WITHDRAWN, EnumSet.noneOf(CaseState.class));

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
}
