package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A cross-center case number (业务流水号 of the exchange): the opening center's code, the day it was
 * opened and a sequence of that center and day, e.g. {@code 310000-20261125-000042}. Unique nationally
 * because the center code is, and the Kafka record key of every event of the case.
 */
public record CaseId(String value) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public CaseId {
        if (value == null || !value.matches("\\d{6}-\\d{8}-\\d{6}")) {
            throw new IllegalArgumentException("a case id looks like 310000-20261125-000042");
        }
        CenterCode.of(value.substring(0, 6));
        try {
            LocalDate.parse(value.substring(7, 15), DAY);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the day in case id " + value + " does not exist");
        }
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    public static CaseId of(CenterCode opener, LocalDate day, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("a case sequence runs from 1 to 999999 per center and day");
        }
        return new CaseId("%s-%s-%06d".formatted(opener.value(), DAY.format(day), sequence));
    }

    /** The center that opened the case. */
    public CenterCode opener() {
        return CenterCode.of(value.substring(0, 6));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
