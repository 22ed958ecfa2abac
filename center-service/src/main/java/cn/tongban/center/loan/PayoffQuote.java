package cn.tongban.center.loan;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What it costs to repay a loan in full on a day (提前结清应还金额).
 *
 * @param day the day of the repayment
 * @param outstandingPrincipal all principal not repaid, including that of installments already due (剩余本金)
 * @param dueInterest the unpaid interest of installments due on or before {@code day} (欠息)
 * @param accruedDays days from the last due date (or the grant) to {@code day}
 * @param accruedInterest interest on the principal not yet due for those days (应计利息)
 * @param total what the borrower pays: the three amounts together
 */
public record PayoffQuote(LocalDate day, Money outstandingPrincipal, Money dueInterest, long accruedDays,
                          Money accruedInterest, Money total) {

    public PayoffQuote {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(outstandingPrincipal, "outstandingPrincipal");
        Objects.requireNonNull(dueInterest, "dueInterest");
        Objects.requireNonNull(accruedInterest, "accruedInterest");
        Objects.requireNonNull(total, "total");
        if (!outstandingPrincipal.plus(dueInterest).plus(accruedInterest).equals(total)) {
            throw new IllegalArgumentException("the total of a payoff is its three parts");
        }
    }
}
