package cn.tongban.center.dataquality;

import cn.tongban.contracts.IdentityNumber;
import java.util.Locale;

/** Identity numbers as screens and reports may show them, valid or not. */
final class Masking {

    private Masking() {
    }

    /**
     * A valid number as {@link IdentityNumber#masked()} shows it ({@code 110105********002X}); an invalid one the
     * same way, its first six and last four characters kept when it has at least 15 (a first-generation number has
     * 15), nothing kept otherwise.
     */
    static String identityNumber(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT);
        if (IdentityNumber.problemWith(normalized).isEmpty()) {
            return IdentityNumber.of(normalized).masked();
        }
        if (normalized.length() < 15) {
            return "*".repeat(normalized.length());
        }
        return normalized.substring(0, 6) + "*".repeat(normalized.length() - 10)
                + normalized.substring(normalized.length() - 4);
    }
}
