package cn.tongban.center.dataquality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A data record of an import file, its values by column.
 *
 * @param line the physical line (1-based) the record starts on
 * @param raw the record's text as it stands in the file
 * @param values the values of the columns the format knows, stripped of (also full-width) spaces; a column the file lacks is absent
 */
public record CsvRow(int line, String raw, Map<Column, String> values) {

    public CsvRow {
        Objects.requireNonNull(raw, "raw");
        Map<Column, String> stripped = new EnumMap<>(Column.class);
        values.forEach((column, value) -> stripped.put(column, value == null ? "" : value.strip()));
        values = Collections.unmodifiableMap(stripped);
    }

    /** The value, stripped; empty when the column is missing or blank. */
    public String value(Column column) {
        return values.getOrDefault(column, "");
    }

    public boolean has(Column column) {
        return !value(column).isEmpty();
    }
}
