package cn.tongban.center.dataquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as the legacy exports write it, and what a file must not be. */
class CsvReaderTest {

    private static List<CsvRecord> read(String text) {
        return new CsvReader(text).readAll();
    }

    @Test
    void fieldsAreSeparatedByCommasAndRecordsByLineBreaks() {
        List<CsvRecord> records = read("a,b,c\n1,2,3\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2);
    }

    @Test
    void crlfLfAndALoneCrAllEndARecordAndTheLastNeedsNone() {
        List<CsvRecord> records = read("a,b\r\n1,2\n3,4\r5,6");

        assertThat(records).extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4);
        assertThat(records).extracting(CsvRecord::raw).containsExactly("a,b", "1,2", "3,4", "5,6");
    }

    @Test
    void aQuotedFieldHoldsCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = read("name,note\r\n\"北京\"\"京华\"\"机械厂, 二厂\",\"第一行\r\n第二行\"\r\nnext,row\r\n");

        assertThat(records.get(1).fields()).containsExactly("北京\"京华\"机械厂, 二厂", "第一行\r\n第二行");
        assertThat(records.get(1).raw()).isEqualTo("\"北京\"\"京华\"\"机械厂, 二厂\",\"第一行\r\n第二行\"");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).line()).as("the record after a two-line record starts on line 4").isEqualTo(4);
    }

    @Test
    void emptyFieldsAndAnEmptyQuotedFieldAreEmptyStrings() {
        assertThat(read("a,,\"\",").get(0).fields()).containsExactly("a", "", "", "");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKept() {
        assertThat(read("12\" pipe,x").get(0).fields()).containsExactly("12\" pipe", "x");
    }

    @Test
    void emptyLinesAreSkippedButCounted() {
        List<CsvRecord> records = read("a\n\n\r\nb\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a"), List.of("b"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 4);
    }

    @Test
    void aLineOfEmptyFieldsIsABlankRecord() {
        assertThat(read(",, ,").get(0).isBlank()).isTrue();
        assertThat(read(",,x,").get(0).isBlank()).isFalse();
    }

    @Test
    void textAfterAClosingQuoteMakesThatRecordMalformedAndTheNextLineIsReadAsUsual() {
        List<CsvRecord> records = read("\"a\"b,c\nd,e\n");

        assertThat(records.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("closing quote"));
        assertThat(records.get(0).raw()).isEqualTo("\"a\"b,c");
        assertThat(records.get(1).fields()).containsExactly("d", "e");
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void aQuoteNeverClosedSpoilsOnlyItsOwnLine() {
        List<CsvRecord> records = read("h1,h2\n1,\"open\n2,x\n3,y\n");

        assertThat(records).hasSize(4);
        assertThat(records.get(1).problem()).hasValue("a quoted field is never closed");
        assertThat(records.get(1).raw()).isEqualTo("1,\"open");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).fields()).containsExactly("2", "x");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkDecodesTheSame() {
        byte[] plain = "GRZH,姓名\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        assertThat(CsvReader.decode(plain)).isEqualTo(new CsvReader.Text("GRZH,姓名\n"));
        assertThat(CsvReader.decode(withBom)).isEqualTo(new CsvReader.Text("GRZH,姓名\n"));
    }

    @Test
    void aGbkExportIsNotUtf8() {
        byte[] gbk = "GRZH,姓名\n1,王建国\n".getBytes(Charset.forName("GBK"));

        assertThat(CsvReader.decode(gbk)).isInstanceOfSatisfying(CsvReader.NotText.class,
                notText -> assertThat(notText.why()).contains("not UTF-8"));
    }

    @Test
    void workbooksPdfsUtf16BinaryAndEmptyFilesAreNotCsv() {
        assertThat(notText(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00})).contains("Excel");
        assertThat(notText(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0x00})).contains(".xls");
        assertThat(notText("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).contains("PDF");
        assertThat(notText("GRZH".getBytes(StandardCharsets.UTF_16LE))).contains("control character");
        assertThat(notText(new byte[] {(byte) 0xFF, (byte) 0xFE, 'G', 0})).contains("UTF-16");
        assertThat(notText("a,b\nc,\u0000d".getBytes(StandardCharsets.UTF_8))).contains("line 2");
        assertThat(notText(new byte[0])).contains("empty");
        assertThat(notText("\r\n\r\n".getBytes(StandardCharsets.UTF_8))).contains("blank");
    }

    private static String notText(byte[] bytes) {
        CsvReader.Decoded decoded = CsvReader.decode(bytes);
        assertThat(decoded).isInstanceOf(CsvReader.NotText.class);
        return ((CsvReader.NotText) decoded).why();
    }
}
