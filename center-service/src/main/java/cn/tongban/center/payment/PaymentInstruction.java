package cn.tongban.center.payment;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.PaymentOrder;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A payment instruction to the bank as the center keeps it (支付指令), one document in {@code payment_instructions}.
 *
 * @param id the instruction id, {@code WD-<caseId>}: the document's {@code _id}, the bank's instruction id and
 *        idempotency key, and the serial number (业务流水号) of the withdrawal's ledger entry
 * @param sends how often the instruction was handed to the bank, as far as it may have arrived
 * @param bankReference the bank's reference, once it accepted
 * @param failureCode the bank's code, or the center's, when it failed
 * @param failureReason why it failed, or why it is still open, in the bank's or the center's words
 * @param settledAt when the bank settled it
 */
public record PaymentInstruction(String id, String caseId, String accountNumber, String payeeAccount, String payeeName,
                                 Money amount, PaymentState state, int sends, String bankReference, String failureCode,
                                 String failureReason, Instant requestedAt, Instant updatedAt, Instant settledAt,
                                 List<PaymentTransition> history) implements BankInstruction {

    /** The text on the payee's statement. */
    static final String REMARK = "住房公积金提取";

    public PaymentInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new instruction for {@code payment}, not yet sent. */
    static PaymentInstruction requested(WithdrawalPayment payment, Instant now) {
        return new PaymentInstruction(payment.instructionId().value(), payment.caseId(), payment.accountNumber(),
                payment.payeeAccount().value(), payment.payeeName(), payment.amount(), PaymentState.REQUESTED, 0, null,
                null, null, now, now, null, List.of(new PaymentTransition(now, null, PaymentState.REQUESTED,
                        "登记支付指令 " + payment.amount() + " 元")));
    }

    public InstructionId instructionId() {
        return InstructionId.of(id);
    }

    /** Whether {@code payment} asks for exactly this instruction: the same case paying the same to the same card. */
    public boolean isFor(WithdrawalPayment payment) {
        return id.equals(payment.instructionId().value()) && accountNumber.equals(payment.accountNumber())
                && payeeAccount.equals(payment.payeeAccount().value()) && amount.equals(payment.amount());
    }

    PaymentOrder order() {
        return new PaymentOrder(instructionId(), amount, BankAccountNumber.of(payeeAccount), payeeName, REMARK);
    }

    @Override
    public String toString() {
        return "PaymentInstruction[" + id + ", " + state + ", " + amount + " to " + BankAccountNumber.of(payeeAccount)
                + ", sends " + sends + "]";
    }
}
