package cn.tongban.center.payment;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * One difference between the center's records and the bank's statement (对账差异), found by
 * {@link PaymentReconciliation}.
 *
 * @param instructionId the payment instruction, also the ledger entry's serial number
 * @param ledgerAmount what the ledger booked as paid out, null when nothing
 * @param bankAmount what the bank's statement shows as paid, null when nothing
 * @param instructionState the instruction's state at the center, null when it has none
 * @param note in Chinese, for the clerk who clears it
 */
public record PaymentMismatch(String instructionId, Kind kind, Money ledgerAmount, Money bankAmount,
                             PaymentState instructionState, String note) {

    /** What kind of difference. */
    public enum Kind {
        /** 银行已付、明细账未记: the bank paid, the ledger holds no withdrawal under the instruction id. */
        PAID_NOT_IN_LEDGER("银行已付、明细账未记"),
        /** 明细账已记、银行未付: the ledger booked the withdrawal, the bank's statement does not show it paid. */
        IN_LEDGER_NOT_PAID("明细账已记、银行未付"),
        /** 金额不符: both show it, with different amounts. */
        AMOUNT_DIFFERS("金额不符"),
        /** 银行重复支付: the statement shows the instruction paid more than once. */
        PAID_TWICE("银行重复支付"),
        /** 中心无此指令: the bank paid an instruction id the center never recorded. */
        NOT_RECORDED("中心无此支付指令"),
        /** 指令状态不符: the bank paid it and the center does not hold it settled, or the reverse. */
        STATE_DIFFERS("支付指令状态与银行不符");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public PaymentMismatch {
        Objects.requireNonNull(instructionId, "instructionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
    }
}
