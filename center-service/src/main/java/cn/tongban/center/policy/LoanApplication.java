package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.loan.HomeOrder;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a loan application is decided on (贷款申请).
 *
 * @param appliedOn the day of the application; it picks the policy version and the rate
 * @param continuousContributionMonths months of the run of consecutive months paid up to now (连续缴存月数)
 * @param outstandingFundLoans fund loans of the applicant not yet repaid, at any center
 * @param requestedAmount positive
 * @param requestedTermMonths 1 to 360
 */
public record LoanApplication(LocalDate appliedOn, AccountState accountState, int continuousContributionMonths,
                              int outstandingFundLoans, Money requestedAmount, int requestedTermMonths, HomeOrder homeOrder) {

    public LoanApplication {
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(accountState, "accountState");
        Objects.requireNonNull(requestedAmount, "requestedAmount");
        Objects.requireNonNull(homeOrder, "homeOrder");
        if (continuousContributionMonths < 0 || outstandingFundLoans < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
        if (requestedAmount.fen() <= 0) {
            throw new IllegalArgumentException("an application asks for a positive amount: " + requestedAmount);
        }
        if (requestedTermMonths < 1 || requestedTermMonths > 360) {
            throw new IllegalArgumentException("a term is 1 to 360 months: " + requestedTermMonths);
        }
    }
}
