package cn.tongban.center.policy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The contribution rates a center allows on one side (单位 or 个人缴存比例), in percent, both ends included,
 * within the national 5%–12% (建金管〔2005〕5号 and 《住房公积金管理条例》 art. 18).
 */
public record RateRange(BigDecimal min, BigDecimal max) {

    public static final BigDecimal NATIONAL_MIN = BigDecimal.valueOf(5);
    public static final BigDecimal NATIONAL_MAX = BigDecimal.valueOf(12);

    public RateRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(NATIONAL_MIN) < 0 || max.compareTo(NATIONAL_MAX) > 0) {
            throw new IllegalArgumentException("contribution rates lie within 5%–12%: " + min.toPlainString() + "%–"
                    + max.toPlainString() + "%");
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min.toPlainString() + "% is above max " + max.toPlainString() + "%");
        }
    }

    public boolean contains(BigDecimal percent) {
        return percent.compareTo(min) >= 0 && percent.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
        return min.toPlainString() + "%–" + max.toPlainString() + "%";
    }
}
