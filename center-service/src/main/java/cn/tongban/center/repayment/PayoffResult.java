package cn.tongban.center.repayment;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What became of a payoff, as the caller sees it: the debit instruction and, once settled, the day the loan was closed.
 * The card is masked.
 */
public record PayoffResult(String instructionId, String accountNumber, String contractNumber, Money amount,
                           String debitAccount, PaymentState state, String stateName, String bankReference,
                           String failureCode, String failureReason, Instant settledAt, LocalDate loanClosedOn) {

    static PayoffResult of(PayoffInstruction instruction) {
        return new PayoffResult(instruction.id(), instruction.accountNumber(), instruction.contractNumber(),
                instruction.amount(), BankAccountNumber.of(instruction.debitAccount()).masked(), instruction.state(),
                instruction.state().chinese(), instruction.bankReference(), instruction.failureCode(),
                instruction.failureReason(), instruction.settledAt(), instruction.loanClosedOn());
    }
}
