package cn.tongban.center.policy;

import cn.tongban.center.ledger.AnnualRate;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A center's local rules as in force from a day until the next version (政策版本). Applications are decided
 * by the version in force on the day they are made.
 *
 * @param depositRate the interest rate on balances (存款利率), e.g. 1.50%
 */
public record PolicyVersion(LocalDate effectiveFrom, ContributionRules contribution, AnnualRate depositRate,
                            RetirementWithdrawalRules retirementWithdrawal, PurchaseWithdrawalRules purchaseWithdrawal,
                            LoanRules loan) {

    public PolicyVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(contribution, "contribution");
        Objects.requireNonNull(depositRate, "depositRate");
        Objects.requireNonNull(retirementWithdrawal, "retirementWithdrawal");
        Objects.requireNonNull(purchaseWithdrawal, "purchaseWithdrawal");
        Objects.requireNonNull(loan, "loan");
    }
}
