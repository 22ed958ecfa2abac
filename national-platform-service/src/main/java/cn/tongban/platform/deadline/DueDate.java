package cn.tongban.platform.deadline;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The day a time limit counted in working days ends (办理时限届满日), with the years the count crossed for
 * which the calendar has no published data. Such a year was counted Monday to Friday; the date is then
 * provisional and must be reported, not trusted.
 *
 * @param date the last day of the time limit
 * @param yearsWithoutData years counted Monday to Friday for want of data, in order; empty when certain
 */
public record DueDate(LocalDate date, Set<Integer> yearsWithoutData) {

    public DueDate {
        Objects.requireNonNull(date, "date");
        yearsWithoutData = Collections.unmodifiableSet(new TreeSet<>(yearsWithoutData));
    }

    /** True when every day counted lies in a year the calendar has data for. */
    public boolean isCertain() {
        return yearsWithoutData.isEmpty();
    }
}
