package cn.tongban.center.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Certificates are never printed in empty boxes: a missing font, or one without Chinese, stops start-up. */
class CjkFontTest {

    @Test
    void aConfiguredFontThatIsNotThereStopsStartUpSayingWhatToConfigure() {
        assertThatThrownBy(() -> CjkFont.locate(Path.of("/nowhere/NotoSansSC.ttf")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tongban.seal.font-path");
    }

    @Test
    void aFontWithoutChineseGlyphsIsRefusedRatherThanPrintingBoxes() {
        Path latinOnly = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isReadable(latinOnly), "DejaVu Sans is not installed here");

        assertThatThrownBy(() -> CjkFont.locate(latinOnly))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no glyphs for").hasMessageContaining("住");
    }

    @Test
    void withoutConfigurationTheFontShippedWithTheCenterIsUsed() {
        CjkFont font = CjkFont.locate(null);

        assertThat(font.source()).isEqualTo("classpath:" + CjkFont.BUNDLED);
    }
}
