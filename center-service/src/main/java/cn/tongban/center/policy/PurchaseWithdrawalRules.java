package cn.tongban.center.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A center's rules for withdrawal to buy a home (购买住房提取), which vary city by city.
 *
 * @param buyers whose purchase the employee may withdraw for; always the employee (本人)
 * @param windowMonths the application must come within this many months of the purchase contract (申请时限)
 * @param oncePerHome one withdrawal per employee for one home (同一套住房只能提取一次)
 * @param minMonthsBetweenWithdrawals months between two purchase withdrawals of the employee, 0 for no limit
 *        (e.g. 12: once a year)
 * @param cap what all the family's withdrawals for the home may add up to
 * @param minContinuousContributionMonths months of continuous contribution (连续缴存) required, 0 for none
 * @param secondHandElsewhereMinHoldingMonths a second-hand home outside the center's city must have been registered
 *        to the buyer this many months before the application (异地二手房持有期), 0 for no such rule
 */
public record PurchaseWithdrawalRules(Set<Buyer> buyers, int windowMonths, boolean oncePerHome,
                                      int minMonthsBetweenWithdrawals, AmountCap cap, int minContinuousContributionMonths,
                                      int secondHandElsewhereMinHoldingMonths) {

    public PurchaseWithdrawalRules {
        Objects.requireNonNull(buyers, "buyers");
        Objects.requireNonNull(cap, "cap");
        if (!buyers.contains(Buyer.SELF)) {
            throw new IllegalArgumentException("the employee may always withdraw for a home of their own");
        }
        buyers = Collections.unmodifiableSet(EnumSet.copyOf(buyers));
        if (windowMonths < 1) {
            throw new IllegalArgumentException("the application window is at least one month: " + windowMonths);
        }
        if (minMonthsBetweenWithdrawals < 0 || minContinuousContributionMonths < 0 || secondHandElsewhereMinHoldingMonths < 0) {
            throw new IllegalArgumentException("month counts are not negative");
        }
    }
}
