package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a purchase withdrawal is decided on (购房提取申请): the application, the applicant's account and the home.
 *
 * @param appliedOn the day of the application; it picks the policy version
 * @param continuousContributionMonths the months of the run of consecutive months paid up to now (连续缴存月数)
 * @param buyer who bought the home, seen from the applicant
 * @param pastWithdrawals the applicant's earlier purchase withdrawals, any home
 * @param familyWithdrawnForHome what the family (the applicant included) has withdrawn for this home so far
 * @param requested the amount applied for, positive
 */
public record PurchaseFacts(LocalDate appliedOn, AccountState accountState, Money balance, int continuousContributionMonths,
                            Buyer buyer, HomePurchase home, List<PastWithdrawal> pastWithdrawals,
                            Money familyWithdrawnForHome, Money requested) {

    public PurchaseFacts {
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(accountState, "accountState");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(familyWithdrawnForHome, "familyWithdrawnForHome");
        Objects.requireNonNull(requested, "requested");
        pastWithdrawals = pastWithdrawals == null ? List.of() : List.copyOf(pastWithdrawals);
        if (continuousContributionMonths < 0) {
            throw new IllegalArgumentException("months are not negative");
        }
        if (requested.fen() <= 0) {
            throw new IllegalArgumentException("an application asks for a positive amount: " + requested);
        }
        if (balance.isNegative() || familyWithdrawnForHome.isNegative()) {
            throw new IllegalArgumentException("balances and sums withdrawn are not negative");
        }
        if (home.contractSignedOn().isAfter(appliedOn)) {
            throw new IllegalArgumentException("the purchase contract is signed before the application");
        }
    }
}
