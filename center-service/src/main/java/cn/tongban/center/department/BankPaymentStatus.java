package cn.tongban.center.department;

/** Where the bank says a payment instruction stands (支付状态). */
public enum BankPaymentStatus {
    /** 已受理: taken, not yet settled. */
    ACCEPTED,
    /** 处理中. */
    PROCESSING,
    /** 已清算入账: the money is on the payee's account. */
    SETTLED,
    /** 已拒绝: refused, nothing paid. */
    REJECTED,
    /** 已退汇: paid out and came back (a closed card …), nothing paid in the end. */
    RETURNED;

    /** Settled: the payee has the money. */
    public boolean isPaid() {
        return this == SETTLED;
    }

    /** Rejected or returned: the payee will not get the money from this instruction. */
    public boolean isFailed() {
        return this == REJECTED || this == RETURNED;
    }
}
