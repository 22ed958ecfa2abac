package cn.tongban.contracts.transfer;

import cn.tongban.contracts.CenterCode;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Contact-letter number (联系函编号) of a transfer: the new center's 6-digit institution code, the day it was issued
 * (YYMMDD) and a 4-digit sequence of that center and day, e.g. {@code 3100002611250001}. Unique nationally because the
 * institution code is; every money movement of the transfer is keyed on it.
 */
public record ContactLetterNumber(String value) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    public ContactLetterNumber {
        if (value == null || !value.matches("\\d{16}")) {
            throw new IllegalArgumentException("a contact-letter number is 6 + 6 + 4 digits, e.g. 3100002611250001: " + value);
        }
        CenterCode.of(value.substring(0, 6));
        try {
            LocalDate.parse("20" + value.substring(6, 12), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the day in contact-letter number " + value + " does not exist");
        }
        if (value.endsWith("0000")) {
            throw new IllegalArgumentException("a contact-letter sequence starts at 0001: " + value);
        }
    }

    @JsonCreator
    public static ContactLetterNumber of(String value) {
        return new ContactLetterNumber(value);
    }

    /** The {@code sequence}-th letter of {@code issuer} on {@code day}; 1 to 9999. */
    public static ContactLetterNumber of(CenterCode issuer, LocalDate day, int sequence) {
        if (sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("a contact-letter sequence runs from 0001 to 9999 per center and day");
        }
        return new ContactLetterNumber(issuer.value() + DAY.format(day) + "%04d".formatted(sequence));
    }

    /** The center that issued the letter: the new center (转入地). */
    public CenterCode issuer() {
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
