package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An employer's declaration of an employee's contribution base and rates (缴存基数和比例调整).
 *
 * @param effectiveOn the day the new figures apply; it picks the policy version
 * @param base the monthly base (缴存基数)
 * @param unitRate the employer's rate, in percent (单位缴存比例)
 * @param personalRate the employee's rate, in percent (个人缴存比例)
 */
public record ContributionChange(LocalDate effectiveOn, Money base, BigDecimal unitRate, BigDecimal personalRate) {

    public ContributionChange {
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(unitRate, "unitRate");
        Objects.requireNonNull(personalRate, "personalRate");
    }
}
