package cn.tongban.platform.deadline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An official public holiday (法定节假日放假) as the State Council publishes it: a run of days off, weekends
 * included, e.g. 春节 2026-02-15 to 2026-02-23.
 *
 * @param from the first day off
 * @param to the last day off, on or after {@code from}
 * @param name the holiday's name as published (春节, 国庆节 …)
 */
public record Holiday(LocalDate from, LocalDate to, String name) {

    public Holiday {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a holiday ends on or after its first day: " + from + " to " + to);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a holiday has a name");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Every day off, first to last. */
    public Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }
}
