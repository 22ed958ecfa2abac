package cn.tongban.center.dataquality;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one row into typed values, collecting a {@link Finding} for each one that is wrong instead of
 * stopping at the first: a clerk correcting the export sees everything at once. A value that cannot be read comes
 * back {@code null}, so that checks depending on it are skipped rather than reported twice.
 */
final class FieldReader {

    /** {@code 2023-02-03}, {@code 2023/2/3} (as spreadsheets write it) or {@code 20230203}. */
    private static final Pattern SEPARATED_DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern RATE = Pattern.compile("\\d{1,3}(\\.\\d{1,4})?");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{10,32}");

    private final CsvRow row;
    private final ImportRules rules;
    private final List<Finding> findings = new ArrayList<>();

    FieldReader(CsvRow row, ImportRules rules) {
        this.row = row;
        this.rules = rules;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    List<Finding> warnings() {
        return findings.stream().filter(f -> !f.code().refusesRow()).toList();
    }

    boolean refused() {
        return findings.stream().anyMatch(f -> f.code().refusesRow());
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    /** The value, or {@code null} with a {@link IssueCode#MISSING_FIELD} when it is empty. */
    String required(Column column) {
        if (!row.has(column)) {
            add(Finding.of(IssueCode.MISSING_FIELD, column, column + " (" + column.chinese() + ") is empty"));
            return null;
        }
        return row.value(column);
    }

    /** The value, or {@code null} when empty. */
    String optional(Column column) {
        return row.has(column) ? row.value(column) : null;
    }

    IdentityNumber identityNumber(Column column) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        String normalized = text.toUpperCase(Locale.ROOT);
        Optional<String> problem = IdentityNumber.problemWith(normalized);
        if (problem.isPresent()) {
            add(Finding.of(IssueCode.INVALID_IDENTITY_NUMBER, column, problem.get() + firstGenerationHint(normalized)));
            return null;
        }
        return IdentityNumber.of(normalized);
    }

    /**
     * Old systems still hold first-generation numbers (15 digits, birth year without its century, no check character):
     * the 18-digit form, for the clerk to confirm and correct, never taken over unasked.
     */
    private static String firstGenerationHint(String number) {
        if (!number.matches("\\d{15}")) {
            return "";
        }
        String first17 = number.substring(0, 6) + "19" + number.substring(6);
        String converted = first17 + IdentityNumber.checkCharacter(first17);
        return IdentityNumber.problemWith(converted).isPresent() ? ""
                : "; a first-generation number, whose 18-digit form is " + converted;
    }

    /** A past or present date; {@link IssueCode#IMPOSSIBLE_DATE} when it does not exist or lies ahead. */
    LocalDate pastDate(Column column) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        Matcher separated = SEPARATED_DATE.matcher(text);
        Matcher compact = COMPACT_DATE.matcher(text);
        Matcher parts = separated.matches() ? separated : compact.matches() ? compact : null;
        if (parts == null) {
            add(Finding.of(IssueCode.IMPOSSIBLE_DATE, column, "'" + text + "' is not a date (write 2023-02-03 or 20230203)"));
            return null;
        }
        int year = Integer.parseInt(parts.group(1));
        int month = Integer.parseInt(parts == separated ? parts.group(3) : parts.group(2));
        int day = Integer.parseInt(parts == separated ? parts.group(4) : parts.group(3));
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            add(Finding.of(IssueCode.IMPOSSIBLE_DATE, column, text + " does not exist"));
            return null;
        }
        if (date.isAfter(rules.today())) {
            add(Finding.of(IssueCode.IMPOSSIBLE_DATE, column, date + " lies in the future"));
            return null;
        }
        return date;
    }

    /** An amount in yuan with at most two decimals, never through a double; {@link IssueCode#BAD_AMOUNT} otherwise. */
    Money amount(Column column) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            add(Finding.of(IssueCode.BAD_AMOUNT, column, e.getMessage()));
            return null;
        }
    }

    /**
     * A contribution rate in percent ({@code 12}, {@code 7.5}, {@code 12%}) within the rules' range:
     * {@link IssueCode#BAD_AMOUNT} when it is no number, {@link IssueCode#RATE_OUT_OF_RANGE} when it is outside.
     */
    BigDecimal rate(Column column) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        if (!RATE.matcher(number).matches()) {
            add(Finding.of(IssueCode.BAD_AMOUNT, column, "'" + text + "' is not a rate in percent (write 12 or 7.5)"));
            return null;
        }
        BigDecimal rate = new BigDecimal(number);
        if (!rules.rates().contains(rate)) {
            String hint = rate.compareTo(BigDecimal.ONE) < 0 ? " (a fraction? rates are written in percent)" : "";
            add(Finding.of(IssueCode.RATE_OUT_OF_RANGE, column, rate.toPlainString() + "% is outside "
                    + rules.rates() + hint));
            return null;
        }
        return rate;
    }

    /**
     * The bank account without spaces, or {@code null} with a {@link IssueCode#MISSING_BANK_ACCOUNT} warning: when
     * there is none and one is {@code needed}, or when what is there is no account number (10 to 32 digits, what a
     * payment instruction takes). A malformed number is not stored; the warning quotes it.
     */
    String bankAccount(Column column, boolean needed) {
        String text = optional(column);
        if (text == null) {
            if (needed) {
                add(Finding.of(IssueCode.MISSING_BANK_ACCOUNT, column, "no bank account to pay withdrawals into"));
            }
            return null;
        }
        String digits = text.replace(" ", "");
        if (!isBankAccountNumber(digits)) {
            add(Finding.of(IssueCode.MISSING_BANK_ACCOUNT, column, "'" + text + "' is no bank account number"
                    + " (10 to 32 digits)"));
            return null;
        }
        return digits;
    }

    static boolean isBankAccountNumber(String text) {
        return text != null && BANK_ACCOUNT.matcher(text).matches();
    }
}
