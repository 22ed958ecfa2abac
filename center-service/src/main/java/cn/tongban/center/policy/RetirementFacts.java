package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a retirement withdrawal is decided on (离休退休提取申请).
 *
 * @param appliedOn the day of the application; it picks the policy version
 * @param balance the balance with the interest up to the day already settled (销户结息)
 * @param retiredOn the retirement date in the social-security record (社保退休信息); null when the record shows none.
 *        Retirement ages rise step by step from 2025, so the record decides, never an age
 * @param hasOutstandingFundLoan a fund loan of the applicant is not yet repaid
 */
public record RetirementFacts(LocalDate appliedOn, AccountState accountState, Money balance, LocalDate retiredOn,
                              boolean hasOutstandingFundLoan) {

    public RetirementFacts {
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(accountState, "accountState");
        Objects.requireNonNull(balance, "balance");
        if (balance.isNegative()) {
            throw new IllegalArgumentException("a balance is not negative");
        }
    }
}
