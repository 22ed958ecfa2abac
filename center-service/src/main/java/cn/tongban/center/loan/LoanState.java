package cn.tongban.center.loan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of a fund loan (贷款状态) and its legal moves ({@link #canMoveTo}):
 * <ul>
 *   <li>正常 → 逾期 when an installment is unpaid after its due date, 逾期 → 正常 when the arrears are paid;</li>
 *   <li>正常 or 逾期 → 结清 by the last installment or an early full repayment (which includes any arrears);</li>
 *   <li>逾期 → 核销: only a loan in arrears is written off (a loss the center books, after collection failed);</li>
 *   <li>结清 and 核销 are terminal.</li>
 * </ul>
 */
public enum LoanState {
    /** 正常. */
    ACTIVE("正常"),
    /** 逾期. */
    OVERDUE("逾期"),
    /** 结清. */
    PAID_OFF("结清"),
    /** 核销. */
    WRITTEN_OFF("核销");

    private static final Map<LoanState, Set<LoanState>> TRANSITIONS = new EnumMap<>(LoanState.class);

    static {
        TRANSITIONS.put(ACTIVE, EnumSet.of(OVERDUE, PAID_OFF));
        TRANSITIONS.put(OVERDUE, EnumSet.of(ACTIVE, PAID_OFF, WRITTEN_OFF));
        TRANSITIONS.put(PAID_OFF, EnumSet.noneOf(LoanState.class));
        TRANSITIONS.put(WRITTEN_OFF, EnumSet.noneOf(LoanState.class));
    }

    private final String chinese;

    LoanState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean canMoveTo(LoanState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<LoanState> nextStates() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    public boolean isClosed() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
