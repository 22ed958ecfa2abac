package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): 6-digit address code, birth date, 3-digit
 * sequence, check character. Valid only with a correct check character and a real, past birth date.
 * {@link #toString()} masks it, so it never leaks whole into logs.
 */
public record IdentityNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public IdentityNumber {
        if (value == null) {
            throw new IllegalArgumentException("an identity number is required");
        }
        value = value.trim().toUpperCase();
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    @JsonCreator
    public static IdentityNumber of(String value) {
        return new IdentityNumber(value);
    }

    /** Why a text is not a valid identity number, or empty when it is. */
    public static Optional<String> problemWith(String text) {
        if (text == null || !text.matches("\\d{17}[\\dX]")) {
            return Optional.of("an identity number is 17 digits and a check digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(text.substring(6, 14), BIRTH);
        } catch (DateTimeException e) {
            return Optional.of("the birth date " + text.substring(6, 14) + " does not exist");
        }
        if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1850) {
            return Optional.of("the birth date " + text.substring(6, 14) + " is not possible");
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            return Optional.of("the check character does not match (GB 11643)");
        }
        return Optional.empty();
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH);
    }

    /** Odd sequence numbers are men, even ones women. */
    public boolean isMale() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** For logs, metrics and screens: {@code 110105********002X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return masked();
    }
}
