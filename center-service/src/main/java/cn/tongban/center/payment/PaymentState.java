package cn.tongban.center.payment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment instruction stands (支付指令状态), and the moves allowed between the states. Each move is made by a
 * conditional update on the state read before, so that of two processes only one makes it.
 */
public enum PaymentState {
    /** 已登记: recorded, not (yet, or any more) at the bank; it may be sent. */
    REQUESTED("已登记"),
    /** 已发送: handed to the bank, or on its way; the bank's reference is kept once it accepted. */
    SENT("已发送"),
    /** 已到账: the bank settled it. Final. */
    SETTLED("已到账"),
    /** 支付失败: the bank refused or returned it; nothing was paid. Final. */
    FAILED("支付失败"),
    /** 结果未明: sent, no answer (a timeout …); settled by asking the bank, never by sending blindly. */
    UNKNOWN("结果未明");

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.of(
            REQUESTED, EnumSet.of(SENT),
            // back to REQUESTED only when the instruction certainly never reached the bank
            SENT, EnumSet.of(SETTLED, FAILED, UNKNOWN, REQUESTED),
            // SENT again: the bank has it in progress, or said it never received it and it is sent again, same key
            UNKNOWN, EnumSet.of(SETTLED, FAILED, SENT),
            SETTLED, EnumSet.noneOf(PaymentState.class),
            FAILED, EnumSet.noneOf(PaymentState.class));

    private final String chinese;

    PaymentState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean canMoveTo(PaymentState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** The states from which {@code target} may be reached. */
    public static Set<PaymentState> predecessorsOf(PaymentState target) {
        EnumSet<PaymentState> from = EnumSet.noneOf(PaymentState.class);
        Arrays.stream(values()).filter(s -> s.canMoveTo(target)).forEach(from::add);
        return from;
    }
}
