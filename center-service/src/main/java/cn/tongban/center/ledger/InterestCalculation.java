package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The working of an interest computation by the accumulation method (积数法), kept so that a clerk can
 * show how the figure came about: interest = accumulation × annual rate ÷ 360, rounded half-up to the fen.
 *
 * @param firstDay first day counted
 * @param lastDay last day counted; before {@code firstDay} when no day is counted
 * @param days the number of days counted
 * @param accumulation the accumulation (积数): the sum of the counted days' closing balances, in yuan·days
 * @param rate the annual rate applied
 * @param interest the interest, in fen, rounded half-up
 */
public record InterestCalculation(LocalDate firstDay, LocalDate lastDay, long days, BigDecimal accumulation,
                                  AnnualRate rate, Money interest) {

    public InterestCalculation {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(accumulation, "accumulation");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(interest, "interest");
        if (days < 0) {
            throw new IllegalArgumentException("days counted cannot be negative");
        }
    }
}
