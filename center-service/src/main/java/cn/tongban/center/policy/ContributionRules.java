package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * A center's contribution rules (缴存政策): the rates each side may choose and the base's floor and cap
 * (缴存基数上下限, usually the local minimum wage and three times the previous year's average wage).
 */
public record ContributionRules(RateRange unitRate, RateRange personalRate, Money baseFloor, Money baseCap) {

    public ContributionRules {
        Objects.requireNonNull(unitRate, "unitRate");
        Objects.requireNonNull(personalRate, "personalRate");
        Objects.requireNonNull(baseFloor, "baseFloor");
        Objects.requireNonNull(baseCap, "baseCap");
        if (baseFloor.fen() <= 0) {
            throw new IllegalArgumentException("the base floor is positive: " + baseFloor);
        }
        if (baseFloor.compareTo(baseCap) > 0) {
            throw new IllegalArgumentException("the base floor " + baseFloor + " is above the base cap " + baseCap);
        }
    }
}
