package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Interest on a personal account (住房公积金存款利息), by the accumulation method (积数法), and its settlement
 * (结息) as a {@link BusinessType#INTEREST 09} entry.
 *
 * <p>The conventions, chosen to match the way Chinese deposit interest is commonly computed:
 * <ul>
 *   <li><b>Accumulation</b> (积数): the sum of the closing balances of every day counted, both ends included.
 *       A day's closing balance holds every entry dated that day, except interest credited that day: interest
 *       starts to earn interest the next day (so the 30 June settlement earns from 1 July, in the next year).</li>
 *   <li><b>Daily rate</b> = annual rate ÷ 360 (the banking year of 360 days), applied to actual calendar days.
 *       A balance held for a whole interest year of 365 days therefore earns 365/360 of the nominal rate:
 *       100,000.00 yuan at 1.50% earns 100,000 × 365 × 0.015 ÷ 360 = 1,520.83, not 1,500.00.</li>
 *   <li><b>Rounding</b>: once, at the end, half-up to the fen; the accumulation itself is exact.</li>
 *   <li><b>Yearly settlement</b> ({@link #settleYear}): the interest year 1 July – 30 June, posted on 30 June.</li>
 *   <li><b>Settlement on closing</b> ({@link #settleOnClosing}): from the start of the current interest year to
 *       the day before the closing day (计头不计尾), posted on the closing day before the closing withdrawal.</li>
 * </ul>
 * Refused are a period that already holds an interest entry that was not reversed ({@value #ALREADY_SETTLED}) and a
 * period that earns nothing ({@value #NOTHING_TO_SETTLE}); the ledger's own refusals apply to the posting.
 */
public final class InterestSettlement {

    public static final String ALREADY_SETTLED = "ALREADY_SETTLED";
    public static final String NOTHING_TO_SETTLE = "NOTHING_TO_SETTLE";

    /** Days of the banking year the annual rate is divided by. */
    public static final int DAYS_PER_YEAR = 360;

    private static final BigDecimal FEN_DAYS_TO_FEN = BigDecimal.valueOf(100L * DAYS_PER_YEAR);

    private InterestSettlement() {
    }

    /** The interest the ledger earns from {@code firstDay} to {@code lastDay}, both included, at {@code rate}. */
    public static InterestCalculation calculate(Ledger ledger, LocalDate firstDay, LocalDate lastDay, AnnualRate rate) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(rate, "rate");
        long days = Math.max(0, ChronoUnit.DAYS.between(firstDay, lastDay) + 1);
        long accumulationFenDays = days == 0 ? 0 : accumulationInFenDays(ledger, firstDay, lastDay);
        BigDecimal interestFen = BigDecimal.valueOf(accumulationFenDays).multiply(rate.percent())
                .divide(FEN_DAYS_TO_FEN, 0, RoundingMode.HALF_UP);
        return new InterestCalculation(firstDay, lastDay, days, BigDecimal.valueOf(accumulationFenDays, 2), rate,
                Money.ofFen(interestFen.longValueExact()));
    }

    /** The interest of the whole {@code year}. */
    public static InterestCalculation calculate(Ledger ledger, InterestYear year, AnnualRate rate) {
        return calculate(ledger, year.firstDay(), year.lastDay(), rate);
    }

    /** Settles {@code year} (年度结息): its interest, posted on 30 June as entry {@code serialNumber}. */
    public static Posting settleYear(Ledger ledger, InterestYear year, AnnualRate rate, String serialNumber) {
        return settle(ledger, calculate(ledger, year, rate), year.lastDay(), serialNumber);
    }

    /**
     * Settles the interest due when the account is closed on {@code closingDay} (销户结息): from the first day of
     * the current interest year to the day before, posted on {@code closingDay}.
     */
    public static Posting settleOnClosing(Ledger ledger, LocalDate closingDay, AnnualRate rate, String serialNumber) {
        LocalDate lastDay = closingDay.minusDays(1);
        InterestCalculation calculation = calculate(ledger, InterestYear.containing(lastDay).firstDay(), lastDay, rate);
        return settle(ledger, calculation, closingDay, serialNumber);
    }

    private static Posting settle(Ledger ledger, InterestCalculation calculation, LocalDate postedOn, String serialNumber) {
        LocalDate from = calculation.firstDay();
        LocalDate to = postedOn.isAfter(calculation.lastDay()) ? postedOn : calculation.lastDay();
        boolean settled = ledger.entries().stream()
                .anyMatch(e -> e.type() == BusinessType.INTEREST && !e.isReversal() && !ledger.isReversed(e.serialNumber())
                        && !e.date().isBefore(from) && !e.date().isAfter(to));
        if (settled) {
            return new Posting.Refused(ALREADY_SETTLED, from + " 至 " + to + " 期间已结息，不能重复结息");
        }
        if (calculation.interest().fen() == 0) {
            return new Posting.Refused(NOTHING_TO_SETTLE, from + " 至 " + calculation.lastDay() + " 积数 "
                    + calculation.accumulation().toPlainString() + "，利息为零，无需记账");
        }
        return ledger.post(LedgerEntry.credit(serialNumber, postedOn, BusinessType.INTEREST, calculation.interest()));
    }

    private static long accumulationInFenDays(Ledger ledger, LocalDate firstDay, LocalDate lastDay) {
        // the balance changes on these days; interest counts from the day after it is credited
        TreeMap<LocalDate, Long> changes = new TreeMap<>();
        long opening = 0;
        for (LedgerEntry entry : ledger.entries()) {
            LocalDate effective = entry.type() == BusinessType.INTEREST ? entry.date().plusDays(1) : entry.date();
            if (effective.isAfter(firstDay)) {
                changes.merge(effective, entry.amount().fen(), Long::sum);
            } else {
                opening += entry.amount().fen();
            }
        }
        long accumulation = 0;
        long balance = opening;
        LocalDate day = firstDay;
        for (Map.Entry<LocalDate, Long> change : changes.headMap(lastDay, true).entrySet()) {
            accumulation = Math.addExact(accumulation, Math.multiplyExact(balance, ChronoUnit.DAYS.between(day, change.getKey())));
            balance += change.getValue();
            day = change.getKey();
        }
        return Math.addExact(accumulation, Math.multiplyExact(balance, ChronoUnit.DAYS.between(day, lastDay) + 1));
    }
}
