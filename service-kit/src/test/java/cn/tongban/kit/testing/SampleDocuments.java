package cn.tongban.kit.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small real documents of each accepted type, and files that only pretend to be one, for tests of uploads and
 * imports. The images are written by the JDK's ImageIO, the OFD package by ZipOutputStream, so they are what a
 * scanner or an OFD writer would produce in structure (only smaller).
 */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    /** A one-page PDF; {@code text} makes different PDFs different. */
    public static byte[] pdf(String text) {
        String body = "%PDF-1.7\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "% " + text + "\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf() {
        return pdf("申请表扫描件");
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** An OFD package: {@code OFD.xml} at the root pointing at one document. */
    public static byte[] ofd() {
        return zip("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\""
                + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>", "Doc_0/Document.xml", "<ofd:Document/>");
    }

    /** A ZIP that is not OFD: a Word document's layout, no {@code OFD.xml} at the root. */
    public static byte[] zipThatIsNotOfd() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "docs/OFD.xml", "<not-root/>");
    }

    /** A Windows executable's first bytes (the MZ header and DOS stub), as a renamed .exe starts. */
    public static byte[] exe() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 78, stub.length);
        return exe;
    }

    private static byte[] image(String format) {
        BufferedImage page = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        page.setRGB(3, 3, 0xCC0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(page, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
