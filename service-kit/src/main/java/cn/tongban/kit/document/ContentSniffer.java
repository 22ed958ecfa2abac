package cn.tongban.kit.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Recognises PDF, JPEG, PNG and OFD by their bytes (内容识别), never by the file name: a PNG named
 * {@code .pdf} is a PNG, a renamed executable is refused. Besides the magic bytes at the start it checks one
 * structural mark of each type, so that a truncated upload or a file that only begins like a document is refused
 * too:
 * <ul>
 *   <li>PDF: starts with {@code %PDF-1.} or {@code %PDF-2.}, and {@code %%EOF} stands in its last kilobyte;</li>
 *   <li>JPEG: starts with the SOI marker {@code FF D8 FF}, and the EOI marker {@code FF D9} stands in its last kilobyte;</li>
 *   <li>PNG: the 8-byte signature, an {@code IHDR} chunk first and the {@code IEND} chunk last;</li>
 *   <li>OFD: a ZIP archive (GB/T 33190) that can be read and has the entry {@code OFD.xml} at its root; any other
 *       ZIP (a Word file, an archive of scans) is refused.</li>
 * </ul>
 * Stateless.
 */
public final class ContentSniffer {

    static final int HEAD = 16;
    static final int TAIL = 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    static final String OFD_ROOT = "OFD.xml";

    private ContentSniffer() {
    }

    /** Sniffs a file (a staged upload). */
    public static Sniffed sniff(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] head = new byte[(int) Math.min(HEAD, size)];
            in.readFully(head);
            byte[] tail = new byte[(int) Math.min(TAIL, size)];
            in.seek(size - tail.length);
            in.readFully(tail);
            return decide(head, tail, size, () -> zipHasOfdRoot(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Sniffs content held in memory. */
    public static Sniffed sniff(byte[] content) {
        byte[] head = Arrays.copyOf(content, Math.min(HEAD, content.length));
        byte[] tail = Arrays.copyOfRange(content, Math.max(0, content.length - TAIL), content.length);
        return decide(head, tail, content.length, () -> zipHasOfdRoot(new ByteArrayInputStream(content)));
    }

    private static Sniffed decide(byte[] head, byte[] tail, long size, ZipCheck zip) {
        if (size == 0) {
            return new Sniffed.Refused("empty", "empty");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            if (!startsWith(head, '%', 'P', 'D', 'F', '-', '1', '.') && !startsWith(head, '%', 'P', 'D', 'F', '-', '2', '.')) {
                return new Sniffed.Refused("pdf", "a PDF header without a PDF version (1.x or 2.x)");
            }
            return contains(tail, "%%EOF".getBytes(StandardCharsets.US_ASCII))
                    ? new Sniffed.Recognised(DocumentType.PDF)
                    : new Sniffed.Refused("pdf", "a truncated or damaged PDF: it begins like one but has no %%EOF at its end");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return contains(tail, new byte[] {(byte) 0xFF, (byte) 0xD9})
                    ? new Sniffed.Recognised(DocumentType.JPEG)
                    : new Sniffed.Refused("jpeg", "a truncated or damaged JPEG: it begins like one but has no end-of-image marker");
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            boolean ihdrFirst = head.length >= 16 && head[12] == 'I' && head[13] == 'H' && head[14] == 'D' && head[15] == 'R';
            boolean iendLast = tail.length >= PNG_IEND.length
                    && Arrays.equals(Arrays.copyOfRange(tail, tail.length - PNG_IEND.length, tail.length), PNG_IEND);
            return ihdrFirst && iendLast
                    ? new Sniffed.Recognised(DocumentType.PNG)
                    : new Sniffed.Refused("png", "a truncated or damaged PNG: it begins like one but its IHDR or IEND chunk is missing");
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return switch (zip.ofdRoot()) {
                case OFD -> new Sniffed.Recognised(DocumentType.OFD);
                case OTHER_ZIP -> new Sniffed.Refused("zip", "a ZIP archive without " + OFD_ROOT
                        + " at its root: not an OFD document (a Word or Excel file, or an archive of files?)");
                case DAMAGED -> new Sniffed.Refused("zip", "a damaged ZIP archive: not a readable OFD document");
            };
        }
        if (startsWith(head, 'M', 'Z')) {
            return new Sniffed.Refused("exe", "a Windows executable, not a document");
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return new Sniffed.Refused("exe", "an executable (ELF), not a document");
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return new Sniffed.Refused("gif", "a GIF image: scan pages as PDF, JPEG, PNG or OFD");
        }
        if (startsWith(head, 'I', 'I', 0x2A, 0x00) || startsWith(head, 'M', 'M', 0x00, 0x2A)) {
            return new Sniffed.Refused("tiff", "a TIFF image: scan pages as PDF, JPEG, PNG or OFD");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return new Sniffed.Refused("ole", "an old Office file (.doc, .xls), not a document of an accepted type");
        }
        return new Sniffed.Refused("unknown", "not a PDF, JPEG, PNG or OFD document");
    }

    enum ZipVerdict { OFD, OTHER_ZIP, DAMAGED }

    @FunctionalInterface
    private interface ZipCheck {
        ZipVerdict ofdRoot();
    }

    private static ZipVerdict zipHasOfdRoot(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry root = zip.getEntry(OFD_ROOT);
            return root != null && !root.isDirectory() ? ZipVerdict.OFD : ZipVerdict.OTHER_ZIP;
        } catch (ZipException e) {
            return ZipVerdict.DAMAGED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ZipVerdict zipHasOfdRoot(InputStream content) {
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(content)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                any = true;
                if (entry.getName().equals(OFD_ROOT) && !entry.isDirectory()) {
                    return ZipVerdict.OFD;
                }
            }
            return any ? ZipVerdict.OTHER_ZIP : ZipVerdict.DAMAGED;
        } catch (IOException e) {
            return ZipVerdict.DAMAGED;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
