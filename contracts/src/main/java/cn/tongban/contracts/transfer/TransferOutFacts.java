package cn.tongban.contracts.transfer;

import cn.tongban.contracts.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The transfer-out information (转出信息) as the national transfer platform carries it.
 *
 * @param principal the balance before the interest settled on transfer (本金)
 * @param interest the interest settled up to the transfer day (结息)
 * @param amount what is transferred: principal + interest (转移金额)
 * @param openedMonth the month the account was opened (开户年月)
 * @param paidUpTo the last month paid (缴至年月), {@code null} when nothing was ever paid
 * @param lastSixMonthsContinuous whether the six months up to {@code paidUpTo} were all paid (连续缴存)
 * @param loansUsed how many provident-fund loans the person had at the old center (使用公积金贷款次数)
 * @param loanUnsettled whether one of them is not repaid (有未结清贷款)
 * @param fraudRecorded whether fraudulent withdrawal or borrowing was recorded (骗提骗贷)
 */
public record TransferOutFacts(String oldAccountNumber, Money principal, Money interest, Money amount,
                               YearMonth openedMonth, YearMonth paidUpTo, boolean lastSixMonthsContinuous,
                               int loansUsed, boolean loanUnsettled, boolean fraudRecorded) {

    public TransferOutFacts {
        Objects.requireNonNull(oldAccountNumber, "oldAccountNumber");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(amount, "amount");
        if (!principal.plus(interest).equals(amount)) {
            throw new IllegalArgumentException("the amount transferred is principal + interest: " + principal + " + "
                    + interest + " is not " + amount);
        }
        if (loansUsed < 0) {
            throw new IllegalArgumentException("loans used is not negative");
        }
    }
}
