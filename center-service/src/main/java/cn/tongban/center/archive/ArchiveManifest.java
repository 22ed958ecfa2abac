package cn.tongban.center.archive;

import cn.tongban.center.dataquality.CsvReader;
import cn.tongban.center.dataquality.CsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of an archive batch (档案清单): CSV, UTF-8, a header row naming the columns in any order, then one
 * row per scan. Columns (English or Chinese header):
 * <ul>
 *   <li>{@code file} / {@code 文件名} — the scan's file name as uploaded (required)</li>
 *   <li>{@code sm3} / {@code SM3摘要} — its SM3, 64 hex digits (required)</li>
 *   <li>{@code account_number} / {@code 个人账号}, {@code identity_number} / {@code 证件号码}, {@code case_id} /
 *       {@code 业务流水号} — what it belongs to (at least one)</li>
 *   <li>{@code material_kind} / {@code 材料类别} — default {@code ARCHIVE_SCAN}</li>
 *   <li>{@code title} / {@code 档案题名} — free text</li>
 * </ul>
 * Read with the center's RFC 4180 reader, so a malformed row is one finding, never the end of the batch.
 */
public final class ArchiveManifest {

    /** The columns. */
    public enum Column {
        FILE("file", "文件名"), SM3("sm3", "sm3摘要"), ACCOUNT_NUMBER("account_number", "个人账号"),
        IDENTITY_NUMBER("identity_number", "证件号码"), CASE_ID("case_id", "业务流水号"),
        MATERIAL_KIND("material_kind", "材料类别"), TITLE("title", "档案题名");

        private final String english;
        private final String chinese;

        Column(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        static Optional<Column> named(String header) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.english.equals(name) || column.chinese.equals(name)) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    /** A data row: its line, values by column (stripped), or why it is malformed. */
    public record Row(int line, Map<Column, String> values, String malformation) {

        public String value(Column column) {
            return values.getOrDefault(column, "");
        }
    }

    /** A manifest that could be read, or why the whole file cannot be. */
    public sealed interface Parsed permits Readable, Unreadable {
    }

    public record Readable(List<Row> rows) implements Parsed {
    }

    public record Unreadable(String why) implements Parsed {
    }

    private ArchiveManifest() {
    }

    public static Parsed parse(byte[] bytes) {
        CsvReader.Decoded decoded = CsvReader.decode(bytes);
        if (decoded instanceof CsvReader.NotText notText) {
            return new Unreadable("the manifest cannot be read: " + notText.why());
        }
        List<CsvRecord> records = new CsvReader(((CsvReader.Text) decoded).value()).readAll();
        if (records.isEmpty() || records.get(0).problem().isPresent()) {
            return new Unreadable("the manifest has no readable header row");
        }
        CsvRecord header = records.get(0);
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            int index = i;
            Column.named(header.fields().get(i)).ifPresent(column -> columns.put(index, column));
        }
        if (!columns.containsValue(Column.FILE) || !columns.containsValue(Column.SM3)) {
            return new Unreadable("the manifest's header must name the columns file and sm3 (文件名, SM3摘要); it has "
                    + header.fields());
        }
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.problem().isPresent()) {
                rows.add(new Row(record.line(), Map.of(), record.problem().get()));
                continue;
            }
            if (record.isBlank()) {
                continue;
            }
            Map<Column, String> values = new HashMap<>();
            for (Map.Entry<Integer, Column> column : columns.entrySet()) {
                if (column.getKey() < record.fields().size()) {
                    values.put(column.getValue(), record.fields().get(column.getKey()).strip());
                }
            }
            rows.add(new Row(record.line(), Map.copyOf(values), null));
        }
        return new Readable(List.copyOf(rows));
    }
}
