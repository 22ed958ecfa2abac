package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) of an employer: registration authority,
 * organisation type, administrative division, organisation code (GB 11714, itself checked) and a check
 * character. Codes from some early pilot areas fail the check character yet are legal. New input is checked strictly
 * ({@link #of}, {@code new CreditCode(text)}: such a code is refused, and a caller that must accept it flags it for
 * manual review through {@link #problemWith(String)}). What was accepted before (a stored employer, an imported one)
 * is read back with {@link #lenient(String)}: a code of the right shape whose checks fail is kept, flagged
 * {@code checkCharacterValid() == false}, and nothing is thrown.
 *
 * @param value the 18 characters, upper case
 * @param checkCharacterValid whether both check characters (GB 11714, GB 32100) hold; given {@code true} the code is
 *        refused when they do not, given {@code false} it is set to what the checks find
 */
public record CreditCode(String value, boolean checkCharacterValid) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public CreditCode {
        if (value == null) {
            throw new IllegalArgumentException("a unified social credit code is required");
        }
        value = value.trim().toUpperCase();
        Optional<String> shape = shapeProblemWith(value);
        if (shape.isPresent()) {
            throw new IllegalArgumentException(shape.get());
        }
        Optional<String> check = checkProblemWith(value);
        if (checkCharacterValid && check.isPresent()) {
            throw new IllegalArgumentException(check.get());
        }
        checkCharacterValid = check.isEmpty();
    }

    /** A code checked strictly: refused unless both check characters hold. */
    public CreditCode(String value) {
        this(value, true);
    }

    /** New input, checked strictly. */
    @JsonCreator
    public static CreditCode of(String value) {
        return new CreditCode(value);
    }

    /**
     * A code accepted earlier, read back: refused only when it is not shaped like a credit code (length, characters,
     * division digits); a code whose check characters fail (early pilot areas) is kept with
     * {@code checkCharacterValid() == false}.
     */
    public static CreditCode lenient(String value) {
        return new CreditCode(value, false);
    }

    /** Why a text is not a valid credit code, or empty when it is. */
    public static Optional<String> problemWith(String text) {
        return shapeProblemWith(text).or(() -> checkProblemWith(text));
    }

    /** Why a text is not even shaped like a credit code (length, characters, division digits), its checks aside. */
    public static Optional<String> shapeProblemWith(String text) {
        if (text == null || text.length() != 18) {
            return Optional.of("a unified social credit code has 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return Optional.of("'" + text.charAt(i) + "' may not appear in a unified social credit code");
            }
        }
        if (!text.substring(2, 8).matches("\\d{6}")) {
            return Optional.of("characters 3 to 8 are an administrative division code");
        }
        return Optional.empty();
    }

    private static Optional<String> checkProblemWith(String text) {
        if (organisationCheck(text.substring(8, 16)) != text.charAt(16)) {
            return Optional.of("the organisation code's check character does not match (GB 11714)");
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            return Optional.of("the check character does not match (GB 32100)");
        }
        return Optional.empty();
    }

    /** The GB 32100 check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The GB 11714 check character of an 8-character organisation code body (letters A=10 … Z=35). */
    public static char organisationCheck(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
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
