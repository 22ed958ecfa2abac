package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an employee may withdraw to buy a home (购买住房提取), and how much, under a center's rules in force on
 * the day of the application. The same code decides for every center; only the {@link PurchaseWithdrawalRules} differ.
 *
 * <p>Rejected, in this order:
 * <ol>
 *   <li>{@value CenterPolicy#NO_POLICY_IN_FORCE}: no version of the policy yet;</li>
 *   <li>{@value #ACCOUNT_CLOSED}, {@value #ACCOUNT_FROZEN}, {@value #ACCOUNT_STATE_UNKNOWN} (其他): the account cannot
 *       pay out; a sealed account (封存) can;</li>
 *   <li>{@value #BUYER_NOT_ALLOWED}: the buyer is not one the center accepts;</li>
 *   <li>{@value #CONTRIBUTION_TOO_SHORT}: too few months of continuous contribution;</li>
 *   <li>{@value #OUTSIDE_WINDOW}: applied later than the window after the contract (the day the window ends still counts);</li>
 *   <li>{@value #NOT_YET_REGISTERED}, {@value #HELD_TOO_SHORT}: a second-hand home elsewhere not registered, or not held
 *       long enough;</li>
 *   <li>{@value #ALREADY_WITHDRAWN_FOR_HOME}: once per home, and done;</li>
 *   <li>{@value #TOO_SOON_AFTER_LAST_WITHDRAWAL}: the months between withdrawals have not passed;</li>
 *   <li>{@value #CAP_REACHED}: the family has withdrawn the cap for this home;</li>
 *   <li>{@value #NO_BALANCE}: nothing in the account.</li>
 * </ol>
 * Otherwise approved: the least of the amount applied for, the balance and what is left under the cap.
 */
public final class PurchaseWithdrawalPolicy {

    public static final String ACCOUNT_CLOSED = AccountChecks.ACCOUNT_CLOSED;
    public static final String ACCOUNT_FROZEN = AccountChecks.ACCOUNT_FROZEN;
    public static final String ACCOUNT_STATE_UNKNOWN = AccountChecks.ACCOUNT_STATE_UNKNOWN;
    public static final String BUYER_NOT_ALLOWED = "BUYER_NOT_ALLOWED";
    public static final String CONTRIBUTION_TOO_SHORT = "CONTRIBUTION_TOO_SHORT";
    public static final String OUTSIDE_WINDOW = "OUTSIDE_WINDOW";
    public static final String NOT_YET_REGISTERED = "NOT_YET_REGISTERED";
    public static final String HELD_TOO_SHORT = "HELD_TOO_SHORT";
    public static final String ALREADY_WITHDRAWN_FOR_HOME = "ALREADY_WITHDRAWN_FOR_HOME";
    public static final String TOO_SOON_AFTER_LAST_WITHDRAWAL = "TOO_SOON_AFTER_LAST_WITHDRAWAL";
    public static final String CAP_REACHED = "CAP_REACHED";
    public static final String NO_BALANCE = "NO_BALANCE";

    private final CenterPolicy policy;

    public PurchaseWithdrawalPolicy(CenterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Decision<Money> decide(PurchaseFacts facts) {
        Objects.requireNonNull(facts, "facts");
        LocalDate day = facts.appliedOn();
        Optional<PolicyVersion> version = policy.versionOn(day);
        if (version.isEmpty()) {
            return policy.noPolicyInForce(day);
        }
        PurchaseWithdrawalRules rules = version.get().purchaseWithdrawal();
        Optional<Decision.Rejected<Money>> unusable = AccountChecks.unusable(facts.accountState(), "提取");
        if (unusable.isPresent()) {
            return unusable.get();
        }
        HomePurchase home = facts.home();
        if (!rules.buyers().contains(facts.buyer())) {
            return Decision.rejected(BUYER_NOT_ALLOWED, policy.name() + "不支持为" + facts.buyer().chinese() + "购房提取；可提取的购房人为"
                    + rules.buyers().stream().map(Buyer::chinese).collect(Collectors.joining("、")));
        }
        if (facts.continuousContributionMonths() < rules.minContinuousContributionMonths()) {
            return Decision.rejected(CONTRIBUTION_TOO_SHORT, "购房提取须连续缴存满 " + rules.minContinuousContributionMonths()
                    + " 个月，目前连续缴存 " + facts.continuousContributionMonths() + " 个月");
        }
        LocalDate windowEnds = home.contractSignedOn().plusMonths(rules.windowMonths());
        if (day.isAfter(windowEnds)) {
            return Decision.rejected(OUTSIDE_WINDOW, "购房提取须在购房合同签订后 " + rules.windowMonths() + " 个月内申请（合同签订于 "
                    + home.contractSignedOn() + "，申请截止 " + windowEnds + "）");
        }
        if (home.kind() == HomeKind.SECOND_HAND && !home.inCenterCity() && rules.secondHandElsewhereMinHoldingMonths() > 0) {
            if (home.registration().isEmpty()) {
                return Decision.rejected(NOT_YET_REGISTERED, "异地二手住房须办理不动产登记并持有满 "
                        + rules.secondHandElsewhereMinHoldingMonths() + " 个月后方可提取");
            }
            LocalDate heldLongEnough = home.registeredOn().plusMonths(rules.secondHandElsewhereMinHoldingMonths());
            if (day.isBefore(heldLongEnough)) {
                return Decision.rejected(HELD_TOO_SHORT, "异地二手住房须持有满 " + rules.secondHandElsewhereMinHoldingMonths()
                        + " 个月（登记于 " + home.registeredOn() + "），" + heldLongEnough + " 起可申请");
            }
        }
        if (rules.oncePerHome() && facts.pastWithdrawals().stream().anyMatch(w -> w.homeId().equals(home.homeId()))) {
            return Decision.rejected(ALREADY_WITHDRAWN_FOR_HOME, "同一套住房只能提取一次，您已为该住房办理过购房提取");
        }
        if (rules.minMonthsBetweenWithdrawals() > 0) {
            Optional<LocalDate> last = facts.pastWithdrawals().stream().map(PastWithdrawal::on).max(Comparator.naturalOrder());
            if (last.isPresent() && day.isBefore(last.get().plusMonths(rules.minMonthsBetweenWithdrawals()))) {
                return Decision.rejected(TOO_SOON_AFTER_LAST_WITHDRAWAL, "两次购房提取须间隔 " + rules.minMonthsBetweenWithdrawals()
                        + " 个月（上次提取于 " + last.get() + "），" + last.get().plusMonths(rules.minMonthsBetweenWithdrawals()) + " 起可申请");
            }
        }
        Money cap = rules.cap().of(home);
        Money left = cap.minus(facts.familyWithdrawnForHome());
        if (left.fen() <= 0) {
            return Decision.rejected(CAP_REACHED, "家庭成员为该住房提取的金额已达上限 " + cap + " 元（"
                    + rules.cap().basis().chinese() + "的 " + rules.cap().sharePercent().toPlainString() + "%）");
        }
        if (facts.balance().fen() == 0) {
            return Decision.rejected(NO_BALANCE, "住房公积金账户余额为零");
        }
        return Decision.approved(least(facts.requested(), facts.balance(), left));
    }

    private static Money least(Money a, Money b, Money c) {
        Money least = a.compareTo(b) <= 0 ? a : b;
        return least.compareTo(c) <= 0 ? least : c;
    }
}
