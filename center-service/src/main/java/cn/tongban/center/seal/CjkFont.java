package cn.tongban.center.seal;

import cn.tongban.center.certificate.FontSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font certificates are printed in, embedded into each PDF as a subset. A TrueType font (TTF, or the first
 * font of a TTC) with glyf outlines: PDFBox cannot subset CFF-based OpenType (most Noto/Source Han files).
 *
 * <p>Loaded at start-up from {@code tongban.seal.font-path}, or else the font shipped in this jar ({@value #BUNDLED}:
 * WenQuanYi Micro Hei, Apache-2.0, see {@code fonts/LICENSE-wqy-microhei.txt}), so a certificate looks the same on
 * every machine and no host font package is needed. A configured font that is missing, or one without Chinese glyphs,
 * stops start-up saying what to configure — certificates are never printed in empty boxes.
 */
public final class CjkFont implements FontSource {

    /** The font shipped with the center: WenQuanYi Micro Hei (TrueType collection, glyf outlines, Latin and over 20,000 CJK ideographs). */
    public static final String BUNDLED = "fonts/wqy-microhei.ttc";

    /** Characters every certificate prints; a font missing any of them is refused. */
    static final String PROBE = "住房公积金管理中心缴存使用证明贷款全部还清办结回执验证码电子印章0123456789ABCXYZ（）：，。—%";

    private final String source;
    private final byte[] bytes;
    private final boolean collection;

    private CjkFont(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
        this.collection = source.toLowerCase().endsWith(".ttc");
    }

    /**
     * @param configured {@code tongban.seal.font-path}, or null for the font shipped in this jar
     * @throws IllegalStateException when the font cannot be read or has no Chinese glyphs
     */
    public static CjkFont locate(Path configured) {
        try {
            CjkFont font = configured != null ? fromFile(configured) : bundled();
            font.requireGlyphs();
            return font;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CJK font " + (configured != null ? configured : BUNDLED)
                    + ": " + e.getMessage(), e);
        }
    }

    private static CjkFont fromFile(Path path) throws IOException {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("tongban.seal.font-path " + path + " is not a readable file: set it"
                    + " (TONGBAN_SEAL_FONTPATH) to a TrueType font (.ttf/.ttc, glyf outlines) with Chinese glyphs,"
                    + " or leave it empty for the font shipped with the center");
        }
        return new CjkFont(path.toString(), Files.readAllBytes(path));
    }

    private static CjkFont bundled() throws IOException {
        try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the font " + BUNDLED + " is missing from the class path: a broken build;"
                        + " set tongban.seal.font-path to a TrueType font with Chinese glyphs");
            }
            return new CjkFont("classpath:" + BUNDLED, in.readAllBytes());
        }
    }

    /** Where the font came from: a file, or {@code classpath:} and the shipped font. */
    public String source() {
        return source;
    }

    @Override
    public PDFont load(PDDocument document) throws IOException {
        // PDFBox closes the parsed font with the document, so each document parses its own copy.
        return PDType0Font.load(document, parse(), true);
    }

    private TrueTypeFont parse() throws IOException {
        if (!collection) {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }
        TrueTypeFont[] first = new TrueTypeFont[1];
        TrueTypeCollection fonts = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
        fonts.processAllFonts(font -> {
            if (first[0] == null) {
                first[0] = font;
            }
        });
        if (first[0] == null) {
            throw new IOException("the font collection " + source + " holds no font");
        }
        return first[0];
    }

    private void requireGlyphs() throws IOException {
        try (TrueTypeFont font = parse()) {
            var cmap = font.getUnicodeCmapLookup();
            String missing = PROBE.codePoints().filter(cp -> cmap.getGlyphId(cp) == 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the font " + source + " has no glyphs for \"" + missing
                        + "\": certificates would print empty boxes; configure a CJK TrueType font (tongban.seal.font-path)");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
