package cn.tongban.center.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An interest rate per year (年利率), held in percent as published ({@code 1.50} for the deposit rate,
 * {@code 3.075} for a second-home loan over five years), so that nobody confuses 1.5 with 0.015.
 * Deposit interest and loan interest both use it; day and month fractions are taken where the interest
 * is computed, with the convention stated there.
 *
 * @param percent at least 0 and below 100, at most 4 decimal places; kept without trailing zeros, so
 *        {@code 2.60} and {@code 2.6} are the same rate
 */
public record AnnualRate(BigDecimal percent) implements Comparable<AnnualRate> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AnnualRate {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("an annual rate lies between 0% and 100%: " + percent.toPlainString() + "%");
        }
        BigDecimal plain = new BigDecimal(percent.stripTrailingZeros().toPlainString());
        if (plain.scale() > 4) {
            throw new IllegalArgumentException("an annual rate has at most 4 decimal places in percent: "
                    + percent.toPlainString() + "%");
        }
        percent = plain;
    }

    /** {@code percent("3.1")} is 3.1% a year. */
    public static AnnualRate percent(String percent) {
        try {
            return new AnnualRate(new BigDecimal(percent));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rate in percent: " + percent, e);
        }
    }

    /** The rate as a fraction: 1.5% is 0.015. Exact. */
    public BigDecimal fraction() {
        return percent.movePointLeft(2);
    }

    public boolean isZero() {
        return percent.signum() == 0;
    }

    @Override
    public int compareTo(AnnualRate other) {
        return percent.compareTo(other.percent);
    }

    @Override
    public String toString() {
        return percent.toPlainString() + "%";
    }
}
