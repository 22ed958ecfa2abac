package cn.tongban.center.payment;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.InstructionId;
import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * A withdrawal to pay (提取资金划付): the case that approved it, the account it is booked on and the card it goes to.
 *
 * @param caseId the withdrawal case; the instruction id is derived from it, so a case is paid at most once
 * @param accountNumber the personal account (个人账号) the withdrawal is booked on
 * @param payeeAccount the person's bank card (收款账号)
 * @param payeeName the name on the card, as the bank checks it
 * @param amount positive
 * @param attempt 1 for the case's first payment; after a payment FAILED (a closed card …) the case may be paid again
 *        as attempt 2, 3 …, each its own instruction {@code WD-<case>-<attempt>} (ADR 0006)
 */
public record WithdrawalPayment(String caseId, String accountNumber, BankAccountNumber payeeAccount, String payeeName,
                                Money amount, int attempt) {

    /** The case's first payment. */
    public WithdrawalPayment(String caseId, String accountNumber, BankAccountNumber payeeAccount, String payeeName,
                             Money amount) {
        this(caseId, accountNumber, payeeAccount, payeeName, amount, 1);
    }

    public WithdrawalPayment {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a payment belongs to a case");
        }
        if (accountNumber == null || accountNumber.isBlank()) {
            throw new IllegalArgumentException("a withdrawal is booked on a personal account");
        }
        Objects.requireNonNull(payeeAccount, "payeeAccount");
        if (payeeName == null || payeeName.isBlank()) {
            throw new IllegalArgumentException("a payment names its payee");
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a withdrawal pays a positive amount: " + amount);
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1: " + attempt);
        }
        InstructionId.forWithdrawal(caseId); // the case id must make a valid instruction id
    }

    /** {@code WD-<case>} for the first attempt, {@code WD-<case>-<n>} for attempt n. */
    public InstructionId instructionId() {
        InstructionId first = InstructionId.forWithdrawal(caseId);
        return attempt == 1 ? first : InstructionId.of(first.value() + "-" + attempt);
    }

    /** The next attempt of the same case, to another card if need be. */
    public WithdrawalPayment nextAttempt(BankAccountNumber card) {
        return new WithdrawalPayment(caseId, accountNumber, card, payeeName, amount, attempt + 1);
    }
}
