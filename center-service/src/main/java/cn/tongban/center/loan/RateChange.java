package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A loan's rate changing (利率调整) on a day: installments due on or after {@code from} are computed at
 * {@code rate}. For an existing loan, a new national rate applies from the 1 January after it was published.
 */
public record RateChange(LocalDate from, AnnualRate rate) {

    public RateChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(rate, "rate");
    }
}
