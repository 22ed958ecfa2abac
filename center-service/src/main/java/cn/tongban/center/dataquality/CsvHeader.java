package cn.tongban.center.dataquality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header line of an import file: which column sits at which position and so which {@link ImportFormat} the file
 * has. Names are matched ignoring case and surrounding spaces; unknown names are ignored, known ones may appear once.
 */
record CsvHeader(ImportFormat format, Map<Column, Integer> positions, int width) {

    /** The header, or why the file cannot be imported at all (code and detail). */
    sealed interface Parsed permits Recognised, Unrecognised {
    }

    record Recognised(CsvHeader header) implements Parsed {
    }

    /**
     * @param code {@code NOT_CSV} (no header line the import knows) or {@code MISSING_COLUMNS}
     */
    record Unrecognised(String code, String detail) implements Parsed {
    }

    static final String NOT_CSV = "NOT_CSV";
    static final String MISSING_COLUMNS = "MISSING_COLUMNS";

    static Parsed parse(CsvRecord line) {
        if (line.problem().isPresent()) {
            return new Unrecognised(NOT_CSV, "the header line is not CSV: " + line.problem().get());
        }
        List<String> names = line.fields();
        if (names.size() == 1 && (names.get(0).contains("\t") || names.get(0).contains(";"))) {
            return new Unrecognised(NOT_CSV, "the columns are separated by "
                    + (names.get(0).contains("\t") ? "tabs" : "semicolons") + ", not commas");
        }
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        Map<String, Column> byName = new HashMap<>();
        for (Column column : Column.values()) {
            byName.put(column.name(), column);
        }
        for (int i = 0; i < names.size(); i++) {
            Column column = byName.get(names.get(i).strip().toUpperCase(Locale.ROOT));
            if (column != null && positions.putIfAbsent(column, i) != null) {
                return new Unrecognised(NOT_CSV, "the header names " + column + " twice");
            }
        }
        Optional<ImportFormat> format = ImportFormat.recognise(positions.keySet());
        if (format.isEmpty()) {
            return new Unrecognised(NOT_CSV, "the header line names neither personal accounts (GRZH, XINGMING, ZJHM, …)"
                    + " nor employers (DWZH, DWMC, TYSHXYDM, …)");
        }
        List<Column> missing = new ArrayList<>(format.get().required());
        missing.removeAll(positions.keySet());
        if (!missing.isEmpty()) {
            return new Unrecognised(MISSING_COLUMNS, "a file of " + format.get() + " lacks the columns " + missing);
        }
        return new Recognised(new CsvHeader(format.get(), Collections.unmodifiableMap(positions), names.size()));
    }

    Set<Column> columns() {
        return positions.keySet();
    }

    /**
     * The record as a row of this header's columns, or why it is malformed: a record with fewer fields than the
     * header, or with more whose surplus is not empty (spreadsheets append empty ones), is.
     */
    Optional<String> malformation(CsvRecord record) {
        if (record.problem().isPresent()) {
            return record.problem();
        }
        List<String> fields = record.fields();
        if (fields.size() < width) {
            return Optional.of(fields.size() + " fields where the header has " + width);
        }
        if (fields.subList(width, fields.size()).stream().anyMatch(f -> !f.isBlank())) {
            return Optional.of(fields.size() + " fields where the header has " + width);
        }
        return Optional.empty();
    }

    /** The row of a well-formed record (see {@link #malformation}). */
    CsvRow row(CsvRecord record) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        positions.forEach((column, index) -> values.put(column, record.fields().get(index).strip()));
        return new CsvRow(record.line(), record.raw(), values);
    }
}
