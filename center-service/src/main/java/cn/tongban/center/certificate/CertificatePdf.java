package cn.tongban.center.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays a {@link PrintedCertificate} out on one A4 page: title, number, the fields as a ruled table, the declaration,
 * the issuer and date with the seal impression (电子印章印模) over them, and the verification code with a QR code of
 * the public verification URL. The result is not yet signed: the seal's signature is added afterwards over the
 * finished bytes, so nothing here may change once it is signed.
 *
 * <p>A character the font cannot show is an error (PDFBox refuses to encode it), never an empty box on paper.
 */
public final class CertificatePdf {

    /** Document information keys that the verifier reads back from the signed file. */
    public static final String INFO_VERIFICATION_CODE = "TongbanVerificationCode";
    public static final String INFO_ISSUER = "TongbanIssuer";
    public static final String INFO_KIND = "TongbanKind";

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = 70;
    private static final float RIGHT = WIDTH - 70;
    private static final float LABEL_WIDTH = 110;
    private static final float ROW = 26;
    private static final float TEXT_SIZE = 11.5f;
    private static final float[] SEAL_RED = {0.86f, 0.08f, 0.08f};

    private final FontSource fonts;

    public CertificatePdf(FontSource fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /**
     * @param verificationCode printed, and kept in the document information for the verifier
     * @param verificationUrl what the QR code holds: where anyone checks this certificate
     * @param renderedAt the creation date of the PDF
     * @return the unsigned PDF
     */
    public byte[] render(PrintedCertificate certificate, String verificationCode, String verificationUrl, Instant renderedAt) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = fonts.load(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = HEIGHT - 90;
                centred(content, font, 19, certificate.kind().title(), y);
                y -= 34;
                text(content, font, 10, RIGHT - width(font, 10, "证明编号：" + certificate.number()), y,
                        "证明编号：" + certificate.number());
                y -= 14;
                y = table(content, font, certificate.lines(), y);
                y -= 30;
                text(content, font, 12, LEFT + 24, y, certificate.declaration() + "。");
                y -= 70;
                String date = PrintedCertificate.day(certificate.issuedOn());
                float issuerX = RIGHT - Math.max(width(font, 12, certificate.issuerName()), width(font, 12, date)) - 10;
                text(content, font, 12, issuerX, y, certificate.issuerName());
                text(content, font, 12, issuerX, y - 22, date);
                seal(content, font, certificate.issuerName(), issuerX + width(font, 12, certificate.issuerName()) / 2, y - 4);
                if (certificate.handler() != null) {
                    text(content, font, 10, LEFT, y - 22, "经办人：" + certificate.handler()
                            + (certificate.handlerPhone() == null ? "" : "    联系电话：" + certificate.handlerPhone()));
                }
                verification(content, font, verificationCode, verificationUrl);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(certificate.kind().title());
            info.setAuthor(certificate.issuerName());
            info.setSubject(certificate.number());
            info.setCreator("Tongban " + certificate.issuer().value());
            info.setCreationDate(calendar(renderedAt));
            info.setCustomMetadataValue(INFO_VERIFICATION_CODE, verificationCode);
            info.setCustomMetadataValue(INFO_ISSUER, certificate.issuer().value());
            info.setCustomMetadataValue(INFO_KIND, certificate.kind().name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + certificate.kind() + " " + certificate.number(), e);
        }
    }

    private static float table(PDPageContentStream content, PDFont font, List<PrintedCertificate.Line> lines, float top)
            throws IOException {
        float y = top;
        content.setLineWidth(0.6f);
        content.moveTo(LEFT, y);
        content.lineTo(RIGHT, y);
        content.stroke();
        float valueX = LEFT + LABEL_WIDTH + 10;
        for (PrintedCertificate.Line line : lines) {
            List<String> wrapped = wrap(font, TEXT_SIZE, line.value(), RIGHT - valueX - 8);
            float height = ROW + (wrapped.size() - 1) * (TEXT_SIZE + 5);
            text(content, font, TEXT_SIZE, LEFT + 8, y - 17, line.label());
            float lineY = y - 17;
            for (String part : wrapped) {
                text(content, font, TEXT_SIZE, valueX, lineY, part);
                lineY -= TEXT_SIZE + 5;
            }
            y -= height;
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        }
        for (float x : new float[] {LEFT, LEFT + LABEL_WIDTH, RIGHT}) {
            content.moveTo(x, top);
            content.lineTo(x, y);
            content.stroke();
        }
        return y;
    }

    /** The round red seal impression: the issuer's name along the upper arc, a star, and 证明专用章 beneath it. */
    private static void seal(PDPageContentStream content, PDFont font, String issuerName, float cx, float cy)
            throws IOException {
        float radius = 58;
        content.saveGraphicsState();
        content.setStrokingColor(SEAL_RED[0], SEAL_RED[1], SEAL_RED[2]);
        content.setNonStrokingColor(SEAL_RED[0], SEAL_RED[1], SEAL_RED[2]);
        content.setLineWidth(3);
        circle(content, cx, cy, radius);
        content.stroke();
        star(content, cx, cy + 2, 17, 6.8f);
        content.fill();
        float size = issuerName.length() > 12 ? 9.5f : 11.5f;
        double spread = Math.toRadians(Math.min(250, 18.5 * issuerName.length()));
        double start = Math.PI / 2 + spread / 2;
        double step = issuerName.length() > 1 ? spread / (issuerName.length() - 1) : 0;
        for (int i = 0; i < issuerName.length(); i++) {
            String glyph = issuerName.substring(i, i + 1);
            double angle = start - i * step;
            float x = (float) (cx + (radius - 5) * Math.cos(angle));
            float y = (float) (cy + (radius - 5) * Math.sin(angle));
            Matrix at = Matrix.getRotateInstance(angle - Math.PI / 2, x, y);
            at.concatenate(Matrix.getTranslateInstance(-width(font, size, glyph) / 2, -size));
            content.beginText();
            content.setFont(font, size);
            content.setTextMatrix(at);
            content.showText(glyph);
            content.endText();
        }
        String purpose = "证明专用章";
        text(content, font, 10, cx - width(font, 10, purpose) / 2, cy - 32, purpose);
        content.restoreGraphicsState();
    }

    private static void verification(PDPageContentStream content, PDFont font, String code, String url) throws IOException {
        float size = 86;
        float x = LEFT;
        float y = 70;
        BitMatrix matrix = qr(url);
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
        text(content, font, 10, x + size + 12, y + 62, "验证码：" + code);
        text(content, font, 9, x + size + 12, y + 44, "扫描二维码或访问以下地址核验本证明的真伪：");
        text(content, font, 8, x + size + 12, y + 30, url);
        text(content, font, 9, x + size + 12, y + 12, "本证明加盖电子印章（SM2 数字签名），与纸质盖章证明具有同等效力。");
    }

    private static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification URL does not fit a QR code: " + url, e);
        }
    }

    private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.552284749831f * r;
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
    }

    private static void star(PDPageContentStream content, float cx, float cy, float outer, float inner) throws IOException {
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? outer : inner;
            float x = (float) (cx + r * Math.cos(angle));
            float y = (float) (cy + r * Math.sin(angle));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }

    private static void centred(PDPageContentStream content, PDFont font, float size, String text, float y) throws IOException {
        text(content, font, size, (WIDTH - width(font, size, text)) / 2, y, text);
    }

    private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Splits a value into lines that fit the width, character by character (Chinese has no spaces to break at). */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String next = new String(Character.toChars(codePoint));
            if (line.length() > 0 && width(font, size, line + next) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(next);
            i += Character.charCount(codePoint);
        }
        lines.add(line.toString());
        return lines;
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
