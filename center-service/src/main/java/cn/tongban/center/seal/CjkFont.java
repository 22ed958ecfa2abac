package cn.tongban.center.seal;

import cn.tongban.center.certificate.FontSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * <p>Found at start-up, from {@code tongban.seal.font-path} or else the first of {@link #DEBIAN_FONTS} that exists; no
 * font, or one without Chinese glyphs, stops start-up with what to install — certificates are never printed in empty
 * boxes.
 */
public final class CjkFont implements FontSource {

    /** Where Debian's packages put them: fonts-droid-fallback (Apache-2.0), fonts-wqy-microhei, fonts-wqy-zenhei. */
    public static final List<Path> DEBIAN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    /** Characters every certificate prints; a font missing any of them is refused. */
    static final String PROBE = "住房公积金管理中心缴存使用证明贷款全部还清办结回执验证码电子印章0123456789ABCXYZ（）：，。—%";

    private final Path path;
    private final byte[] bytes;
    private final boolean collection;

    private CjkFont(Path path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
        this.collection = path.getFileName().toString().toLowerCase().endsWith(".ttc");
    }

    /**
     * @param configured {@code tongban.seal.font-path}, or null to look in the Debian locations
     * @throws IllegalStateException when no usable font is found
     */
    public static CjkFont locate(Path configured) {
        Optional<Path> found = configured != null ? Optional.of(configured)
                : DEBIAN_FONTS.stream().filter(Files::isReadable).findFirst();
        Path path = found.orElseThrow(() -> new IllegalStateException("No CJK font for certificates: install the Debian"
                + " package fonts-wqy-microhei or fonts-droid-fallback, or set tongban.seal.font-path"
                + " (TONGBAN_SEAL_FONTPATH) to a TrueType font (.ttf/.ttc, glyf outlines) with Chinese glyphs"));
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("tongban.seal.font-path " + path + " is not a readable file");
        }
        try {
            CjkFont font = new CjkFont(path, Files.readAllBytes(path));
            font.requireGlyphs();
            return font;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CJK font " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
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
            throw new IOException("the font collection " + path + " holds no font");
        }
        return first[0];
    }

    private void requireGlyphs() throws IOException {
        try (TrueTypeFont font = parse()) {
            var cmap = font.getUnicodeCmapLookup();
            String missing = PROBE.codePoints().filter(cp -> cmap.getGlyphId(cp) == 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the font " + path + " has no glyphs for \"" + missing
                        + "\": certificates would print empty boxes; configure a CJK TrueType font (tongban.seal.font-path)");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
