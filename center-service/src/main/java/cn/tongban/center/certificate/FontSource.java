package cn.tongban.center.certificate;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Gives each new PDF its CJK font, embedded as a subset of the glyphs the page uses. */
@FunctionalInterface
public interface FontSource {

    PDFont load(PDDocument document) throws IOException;
}
