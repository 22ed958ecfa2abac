package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi held as whole fen (分). It travels as a decimal string with two places
 * ({@code "12345.60"}) so that no receiver parses it into a floating-point number.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Yuan with at most two decimal places; more precision is an error, not a rounding. */
    public static Money ofYuan(BigDecimal yuan) {
        try {
            return new Money(yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount has at most two decimal places: " + yuan, e);
        }
    }

    @JsonCreator
    public static Money parse(String yuan) {
        if (yuan == null || !yuan.matches("-?\\d{1,15}(\\.\\d+)?")) {
            throw new IllegalArgumentException("an amount is written like 12345.67: " + yuan);
        }
        try {
            return ofYuan(new BigDecimal(yuan));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + yuan, e);
        }
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** This amount times a rate given in percent, rounded half-up to the fen. */
    public Money timesPercent(BigDecimal percent) {
        BigDecimal result = BigDecimal.valueOf(fen).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        return new Money(result.longValueExact());
    }

    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @JsonValue
    @Override
    public String toString() {
        return yuan().toPlainString();
    }
}
