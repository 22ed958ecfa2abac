package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a center accepts a declared contribution base and rates (缴存基数和比例核定): each rate within the center's
 * range for its side, the base within the floor and the cap, all as in force on the day the figures apply.
 *
 * <p>Rejected: {@value CenterPolicy#NO_POLICY_IN_FORCE}, {@value #UNIT_RATE_OUT_OF_RANGE},
 * {@value #PERSONAL_RATE_OUT_OF_RANGE}, {@value #BASE_BELOW_FLOOR}, {@value #BASE_ABOVE_CAP}, in this order. Otherwise
 * approved with the new monthly amount (月缴存额): base × unit rate + base × personal rate, each part rounded half-up
 * to the fen, as {@code PersonalAccount.monthlyAmount()} computes it.
 */
public final class ContributionChangePolicy {

    public static final String UNIT_RATE_OUT_OF_RANGE = "UNIT_RATE_OUT_OF_RANGE";
    public static final String PERSONAL_RATE_OUT_OF_RANGE = "PERSONAL_RATE_OUT_OF_RANGE";
    public static final String BASE_BELOW_FLOOR = "BASE_BELOW_FLOOR";
    public static final String BASE_ABOVE_CAP = "BASE_ABOVE_CAP";

    private final CenterPolicy policy;

    public ContributionChangePolicy(CenterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Decision<Money> decide(ContributionChange change) {
        Objects.requireNonNull(change, "change");
        LocalDate day = change.effectiveOn();
        Optional<PolicyVersion> version = policy.versionOn(day);
        if (version.isEmpty()) {
            return policy.noPolicyInForce(day);
        }
        ContributionRules rules = version.get().contribution();
        if (!rules.unitRate().contains(change.unitRate())) {
            return Decision.rejected(UNIT_RATE_OUT_OF_RANGE, "单位缴存比例 " + change.unitRate().toPlainString() + "% 不在"
                    + policy.name() + "规定的 " + rules.unitRate() + " 范围内");
        }
        if (!rules.personalRate().contains(change.personalRate())) {
            return Decision.rejected(PERSONAL_RATE_OUT_OF_RANGE, "个人缴存比例 " + change.personalRate().toPlainString() + "% 不在"
                    + policy.name() + "规定的 " + rules.personalRate() + " 范围内");
        }
        if (change.base().compareTo(rules.baseFloor()) < 0) {
            return Decision.rejected(BASE_BELOW_FLOOR, "缴存基数 " + change.base() + " 元低于下限 " + rules.baseFloor() + " 元");
        }
        if (change.base().compareTo(rules.baseCap()) > 0) {
            return Decision.rejected(BASE_ABOVE_CAP, "缴存基数 " + change.base() + " 元高于上限 " + rules.baseCap() + " 元");
        }
        return Decision.approved(change.base().timesPercent(change.unitRate()).plus(change.base().timesPercent(change.personalRate())));
    }
}
