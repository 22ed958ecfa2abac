package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cap on all withdrawals by the family for one home: {@code share} percent of the {@code basis}.
 *
 * @param sharePercent above 0, at most 100
 */
public record AmountCap(CapBasis basis, BigDecimal sharePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AmountCap {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(sharePercent, "sharePercent");
        if (sharePercent.signum() <= 0 || sharePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the share is above 0% and at most 100%: " + sharePercent.toPlainString() + "%");
        }
    }

    /** The cap for {@code home}, rounded half-up to the fen. */
    public Money of(HomePurchase home) {
        Money base = basis == CapBasis.PRICE ? home.price() : home.selfPaidPart();
        return base.timesPercent(sharePercent);
    }
}
