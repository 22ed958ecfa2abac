package cn.tongban.center.withdrawal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a withdrawal case stands (提取案件状态), and the moves allowed between the states. Each move is a conditional
 * update on the state read before, so that of two processes only one makes it.
 */
public enum WithdrawalState {
    /** 已受理: accepted, the facts not yet confirmed (a department was unavailable: submitting again resumes it). */
    SUBMITTED("已受理"),
    /** 已审核: the center's policy approved the amount. */
    CHECKED("已审核"),
    /** 划付中: the payment instruction is recorded; its outcome may still be open. */
    PAYING("划付中"),
    /** 已划付: the bank settled the payment; the account is still to be closed. */
    PAID("已划付"),
    /** 已办结: paid and the account closed (提取销户). Final. */
    CLOSED("已办结"),
    /** 不予办理: refused by the policy or the facts, with the reason. Final. */
    REJECTED("不予办理"),
    /**
     * 划付失败: the bank refused or returned the payment; nothing was paid, the account stays open. Staff may pay it
     * again (再次划付) once the cause is fixed (another card), as the case's next numbered payment attempt.
     */
    PAYMENT_FAILED("划付失败");

    private static final Map<WithdrawalState, Set<WithdrawalState>> NEXT = new EnumMap<>(WithdrawalState.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(CHECKED, REJECTED));
        NEXT.put(CHECKED, EnumSet.of(PAYING));
        NEXT.put(PAYING, EnumSet.of(PAID, PAYMENT_FAILED));
        NEXT.put(PAID, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(WithdrawalState.class));
        NEXT.put(REJECTED, EnumSet.noneOf(WithdrawalState.class));
        NEXT.put(PAYMENT_FAILED, EnumSet.of(PAYING));
    }

    private final String chinese;

    WithdrawalState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean canMoveTo(WithdrawalState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
