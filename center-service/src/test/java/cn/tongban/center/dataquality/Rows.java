package cn.tongban.center.dataquality;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows for tests: a good one of each format, changed a column at a time. */
final class Rows {

    static final String WANG = "110105198507219116";
    static final String LI = "110108199003159248";
    static final String ZHAO = "110102196204089336";
    static final String CHEN = "110106199211059265";
    static final String WRONG_CHECK = "110105194912310021";

    private final Map<Column, String> values = new EnumMap<>(Column.class);
    private int line = 2;

    private Rows() {
    }

    /** 王建国's account, open since 2012 at 12% and 12%, with a bank card. */
    static Rows account() {
        return new Rows()
                .with(Column.GRZH, "110000100000001").with(Column.XINGMING, "王建国").with(Column.ZJHM, WANG)
                .with(Column.DWZH, "110000800000001").with(Column.DWMC, "北京华信数据科技有限公司")
                .with(Column.KHRQ, "2012-07-16").with(Column.GRZHZT, "01").with(Column.GRJCJS, "18500.00")
                .with(Column.DWJCBL, "12").with(Column.GRJCBL, "12").with(Column.GRZHYE, "356420.00")
                .with(Column.YHZH, "6222020200112345678");
    }

    /** An employer with a valid credit code. */
    static Rows employer() {
        return new Rows()
                .with(Column.DWZH, "110000800000001").with(Column.DWMC, "北京华信数据科技有限公司")
                .with(Column.TYSHXYDM, "91110000MA01TB014A").with(Column.DWJCBL, "12").with(Column.GRJCBL, "12")
                .with(Column.YHZH, "0200004509200123456");
    }

    Rows with(Column column, String value) {
        values.put(column, value);
        return this;
    }

    Rows without(Column column) {
        values.remove(column);
        return this;
    }

    Rows onLine(int line) {
        this.line = line;
        return this;
    }

    CsvRow build() {
        return new CsvRow(line, csvLine(), values);
    }

    /** The values as a CSV line, in the order of the enum (the header {@link #header()} writes). */
    String csvLine() {
        return values.values().stream().map(Rows::quoted).collect(Collectors.joining(","));
    }

    String header() {
        return values.keySet().stream().map(Column::name).collect(Collectors.joining(","));
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
