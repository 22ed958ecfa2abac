package cn.tongban.center.repayment;

import cn.tongban.center.payment.BankInstruction;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.DebitOrder;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.payment.PaymentTransition;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The debit that repays a loan in full (提前还清扣款指令), one document in {@code payoff_instructions}. Its states and moves
 * are those of a payment instruction ({@link PaymentState}): REQUESTED → SENT → SETTLED | FAILED | UNKNOWN.
 *
 * @param id {@code PO-<contractNumber>}: the document's {@code _id}, the bank's instruction id and idempotency key, so
 *        that a loan can never be debited by two different instructions
 * @param debitAccount the borrower's card the payoff is taken from (扣款账号)
 * @param amount the payoff quoted on {@code quotedOn} and debited
 * @param requestedBy who submitted it (the borrower's or the clerk's subject)
 * @param sends how often the instruction was handed to the bank, as far as it may have arrived
 * @param loanClosedOn the day the loan was marked repaid on the account after the debit settled, null before
 */
public record PayoffInstruction(String id, String accountNumber, String contractNumber, String debitAccount,
                                String payerName, Money amount, LocalDate quotedOn, String requestedBy,
                                PaymentState state, int sends, String bankReference, String failureCode,
                                String failureReason, Instant requestedAt, Instant updatedAt, Instant settledAt,
                                LocalDate loanClosedOn, List<PaymentTransition> history) implements BankInstruction {

    public static final String PREFIX = "PO-";
    /** The text on the borrower's statement. */
    static final String REMARK = "住房公积金贷款提前还清";

    public PayoffInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The instruction that pays off loan {@code contractNumber}: {@code PO-<contractNumber>}. */
    public static InstructionId idFor(String contractNumber) {
        return InstructionId.of(PREFIX + contractNumber);
    }

    static PayoffInstruction requested(String accountNumber, String contractNumber, BankAccountNumber debitAccount,
                                       String payerName, Money amount, LocalDate quotedOn, String requestedBy, Instant now) {
        return new PayoffInstruction(idFor(contractNumber).value(), accountNumber, contractNumber, debitAccount.value(),
                payerName, amount, quotedOn, requestedBy, PaymentState.REQUESTED, 0, null, null, null, now, now, null, null,
                List.of(new PaymentTransition(now, null, PaymentState.REQUESTED, "登记提前还清扣款指令 " + amount + " 元")));
    }

    public InstructionId instructionId() {
        return InstructionId.of(id);
    }

    /** Whether a submission asks for exactly this debit: the same loan of the same account, the same card and amount. */
    boolean isFor(String accountNumber, BankAccountNumber card, Money amount) {
        return this.accountNumber.equals(accountNumber) && debitAccount.equals(card.value()) && this.amount.equals(amount);
    }

    DebitOrder order() {
        return new DebitOrder(instructionId(), amount, BankAccountNumber.of(debitAccount), payerName, REMARK);
    }

    @Override
    public String toString() {
        return "PayoffInstruction[" + id + ", " + state + ", " + amount + " from " + BankAccountNumber.of(debitAccount)
                + ", sends " + sends + "]";
    }
}
