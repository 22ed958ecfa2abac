package cn.tongban.center.dataquality;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a CSV file as {@link CsvReader} read it.
 *
 * @param line the physical line (1-based) the record starts on; a quoted field with line breaks makes a record
 *             span several lines
 * @param fields the unquoted field values, exactly as written (no trimming); empty for a malformed record
 * @param raw the record's text as it stands in the file, without its line terminator
 * @param malformation why the record is not well-formed CSV, or {@code null} when it is
 */
public record CsvRecord(int line, List<String> fields, String raw, String malformation) {

    public CsvRecord {
        fields = List.copyOf(fields);
        Objects.requireNonNull(raw, "raw");
    }

    static CsvRecord wellFormed(int line, List<String> fields, String raw) {
        return new CsvRecord(line, fields, raw, null);
    }

    static CsvRecord malformed(int line, String raw, String why) {
        return new CsvRecord(line, List.of(), raw, Objects.requireNonNull(why, "why"));
    }

    public Optional<String> problem() {
        return Optional.ofNullable(malformation);
    }

    /** Whether every field is empty or blank, as spreadsheet programs write after the last row ({@code ,,,,}). */
    public boolean isBlank() {
        return malformation == null && fields.stream().allMatch(String::isBlank);
    }
}
