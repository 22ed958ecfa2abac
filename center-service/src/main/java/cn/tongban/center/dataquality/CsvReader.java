package cn.tongban.center.dataquality;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small reader of comma-separated values as RFC 4180 defines them (no CSV library is on the class path):
 * <ul>
 *   <li>fields are separated by commas; a field may be enclosed in double quotes, and then may hold commas, line
 *       breaks and quotes, a quote written twice ({@code "他说""好"""} is {@code 他说"好"});</li>
 *   <li>records end with CRLF, LF or a lone CR; the last record may or may not end with one;</li>
 *   <li>a quote inside an unquoted field is kept as a character (common in exports, harmless);</li>
 *   <li>empty lines are skipped; a line of empty fields ({@code ,,,}) is a record, which {@link CsvRecord#isBlank()}
 *       recognises.</li>
 * </ul>
 * What RFC 4180 forbids makes <em>that record</em> malformed, never the rest of the file: text after a closing quote
 * (the reader goes on at the next line), and a quoted field still open at the end of the file (the record is taken
 * to be its first line only, and reading resumes at the line after it, so that one stray quote does not swallow
 * every row below it).
 *
 * <p>Text is decoded by {@link #decode(byte[])}: UTF-8, with or without a byte-order mark, and nothing else.
 */
public final class CsvReader {

    private final String text;
    private int position;
    private int line = 1;

    public CsvReader(String text) {
        this.text = text;
    }

    /** What {@link #decode} made of a file's bytes. */
    public sealed interface Decoded permits Text, NotText {
    }

    /** UTF-8 text, the byte-order mark removed. */
    public record Text(String value) implements Decoded {
    }

    /** Not UTF-8 text, or text no CSV file holds (control characters): why, in words a clerk understands. */
    public record NotText(String why) implements Decoded {
    }

    /**
     * Decodes a file as UTF-8 text. Refused: an empty file, an Excel workbook, a PDF, UTF-16, bytes that are not
     * UTF-8 (a GBK export, typically), and control characters other than tab, CR and LF (binary content).
     */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new NotText("the file is empty");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return new NotText("this is an Excel workbook (.xlsx) or another zip archive, not CSV: save it as CSV UTF-8");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return new NotText("this is an old Excel workbook (.xls), not CSV: save it as CSV UTF-8");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return new NotText("this is a PDF, not CSV");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return new NotText("the file is UTF-16 text: save it as CSV UTF-8");
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (MalformedInputException e) {
            return new NotText("the file is not UTF-8 text (an export in GBK?): save it as CSV UTF-8");
        } catch (CharacterCodingException e) {
            return new NotText("the file is not UTF-8 text: save it as CSV UTF-8");
        }
        int lineNumber = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineNumber++;
            } else if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7F) {
                return new NotText("line " + lineNumber + " holds a control character (0x%02X): binary content, not CSV"
                        .formatted((int) c));
            }
        }
        if (text.isBlank()) {
            return new NotText("the file holds only blank lines");
        }
        return new Text(text);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every record left, in file order. */
    public List<CsvRecord> readAll() {
        List<CsvRecord> records = new ArrayList<>();
        for (Optional<CsvRecord> record = next(); record.isPresent(); record = next()) {
            records.add(record.get());
        }
        return records;
    }

    /** The next record, or empty at the end of the text. */
    public Optional<CsvRecord> next() {
        while (position < text.length() && isLineBreak(text.charAt(position))) {
            consumeLineBreak();
        }
        if (position >= text.length()) {
            return Optional.empty();
        }
        int start = position;
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (position < text.length() && text.charAt(position) == '"') {
                position++;
                boolean closed = false;
                while (position < text.length()) {
                    char c = text.charAt(position);
                    if (c == '"') {
                        if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                            field.append('"');
                            position += 2;
                            continue;
                        }
                        position++;
                        closed = true;
                        break;
                    }
                    if (c == '\n' || c == '\r' && !(position + 1 < text.length() && text.charAt(position + 1) == '\n')) {
                        line++;
                    }
                    field.append(c);
                    position++;
                }
                if (!closed) {
                    return Optional.of(unclosedQuote(start, startLine));
                }
                if (position < text.length() && text.charAt(position) != ',' && !isLineBreak(text.charAt(position))) {
                    int end = endOfLine(position);
                    CsvRecord malformed = CsvRecord.malformed(startLine, text.substring(start, end),
                            "text follows the closing quote of field " + (fields.size() + 1));
                    position = end;
                    consumeLineBreak();
                    return Optional.of(malformed);
                }
            } else {
                while (position < text.length() && text.charAt(position) != ',' && !isLineBreak(text.charAt(position))) {
                    field.append(text.charAt(position));
                    position++;
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (position < text.length() && text.charAt(position) == ',') {
                position++;
                continue;
            }
            String raw = text.substring(start, position);
            consumeLineBreak();
            return Optional.of(CsvRecord.wellFormed(startLine, fields, raw));
        }
    }

    /** A quoted field open at the end of the text: the record is its first line; reading resumes after it. */
    private CsvRecord unclosedQuote(int start, int startLine) {
        int end = endOfLine(start);
        position = end;
        line = startLine;
        consumeLineBreak();
        return CsvRecord.malformed(startLine, text.substring(start, end), "a quoted field is never closed");
    }

    private int endOfLine(int from) {
        int end = from;
        while (end < text.length() && !isLineBreak(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Consumes one CRLF, LF or CR at the position, if there is one, and counts the line. */
    private void consumeLineBreak() {
        if (position >= text.length()) {
            return;
        }
        if (text.charAt(position) == '\r') {
            position++;
            if (position < text.length() && text.charAt(position) == '\n') {
                position++;
            }
            line++;
        } else if (text.charAt(position) == '\n') {
            position++;
            line++;
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
