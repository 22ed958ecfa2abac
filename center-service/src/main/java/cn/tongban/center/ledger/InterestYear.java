package cn.tongban.center.ledger;

import java.time.LocalDate;

/**
 * An interest year (结息年度): 1 July of one year to 30 June of the next, both days included, settled on
 * its last day, 30 June (年度结息日), as most centers do. Named by the year it ends in: the interest year
 * 2025 runs from 2024-07-01 to 2025-06-30.
 */
public record InterestYear(int endingYear) {

    public InterestYear {
        if (endingYear < 1992 || endingYear > 2200) {
            throw new IllegalArgumentException("no interest year ends in " + endingYear);
        }
    }

    public static InterestYear endingIn(int year) {
        return new InterestYear(year);
    }

    /** The interest year that {@code day} belongs to. */
    public static InterestYear containing(LocalDate day) {
        return new InterestYear(day.getMonthValue() >= 7 ? day.getYear() + 1 : day.getYear());
    }

    /** 1 July of the year before. */
    public LocalDate firstDay() {
        return LocalDate.of(endingYear - 1, 7, 1);
    }

    /** 30 June: the settlement day. */
    public LocalDate lastDay() {
        return LocalDate.of(endingYear, 6, 30);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }
}
