package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The fund-loan rates (个人住房公积金贷款利率) in force from a day: by first or second home and by term, up to
 * five years or longer.
 *
 * @param effectiveFrom the day new loans are granted at these rates
 */
public record LoanRates(LocalDate effectiveFrom, AnnualRate firstHomeUpTo5Years, AnnualRate firstHomeOver5Years,
                        AnnualRate secondHomeUpTo5Years, AnnualRate secondHomeOver5Years) {

    /** Terms up to this many months take the short rate (五年期以下, 含五年). */
    public static final int FIVE_YEARS_IN_MONTHS = 60;

    public LoanRates {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(firstHomeUpTo5Years, "firstHomeUpTo5Years");
        Objects.requireNonNull(firstHomeOver5Years, "firstHomeOver5Years");
        Objects.requireNonNull(secondHomeUpTo5Years, "secondHomeUpTo5Years");
        Objects.requireNonNull(secondHomeOver5Years, "secondHomeOver5Years");
    }

    /** The rate of a loan with a contract term of {@code termMonths} for a first or second home. */
    public AnnualRate rateFor(int termMonths, HomeOrder order) {
        boolean shortTerm = termMonths <= FIVE_YEARS_IN_MONTHS;
        return switch (order) {
            case FIRST_HOME -> shortTerm ? firstHomeUpTo5Years : firstHomeOver5Years;
            case SECOND_HOME -> shortTerm ? secondHomeUpTo5Years : secondHomeOver5Years;
        };
    }
}
