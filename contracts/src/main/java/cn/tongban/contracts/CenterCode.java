package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * A fund center's code (公积金中心代码): the 6-digit administrative division code of the city or
 * province it serves, e.g. {@code 110000} Beijing, {@code 310000} Shanghai, {@code 440100} Guangzhou.
 */
public record CenterCode(String value) {

    /** Province-level prefixes of GB/T 2260 (11 Beijing … 82 Macao). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");

    public CenterCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw new IllegalArgumentException("a center code is 6 digits (an administrative division code)");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new IllegalArgumentException("no province has the prefix " + value.substring(0, 2));
        }
    }

    @JsonCreator
    public static CenterCode of(String value) {
        return new CenterCode(value);
    }

    public static boolean isValid(String value) {
        try {
            new CenterCode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
