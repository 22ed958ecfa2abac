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
 */
public record WithdrawalPayment(String caseId, String accountNumber, BankAccountNumber payeeAccount, String payeeName,
                                Money amount) {

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
        InstructionId.forWithdrawal(caseId); // the case id must make a valid instruction id
    }

    public InstructionId instructionId() {
        return InstructionId.forWithdrawal(caseId);
    }
}
