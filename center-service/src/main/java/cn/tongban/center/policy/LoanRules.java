package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * A center's rules for granting a fund loan (贷款政策).
 *
 * @param minContinuousContributionMonths months of continuous contribution required (连续缴存月数)
 * @param maxTermYears the longest term, at most the national {@value #NATIONAL_MAX_TERM_YEARS} years
 * @param maxAmount the most lent on one loan (最高贷款额度)
 * @param secondLoanOnlyAfterFirstRepaid a new loan only when no earlier fund loan is outstanding
 */
public record LoanRules(int minContinuousContributionMonths, int maxTermYears, Money maxAmount,
                        boolean secondLoanOnlyAfterFirstRepaid) {

    public static final int NATIONAL_MAX_TERM_YEARS = 30;

    public LoanRules {
        Objects.requireNonNull(maxAmount, "maxAmount");
        if (minContinuousContributionMonths < 0) {
            throw new IllegalArgumentException("month counts are not negative");
        }
        if (maxTermYears < 1 || maxTermYears > NATIONAL_MAX_TERM_YEARS) {
            throw new IllegalArgumentException("the longest term is 1 to 30 years: " + maxTermYears);
        }
        if (maxAmount.fen() <= 0) {
            throw new IllegalArgumentException("the maximum amount is positive: " + maxAmount);
        }
    }
}
