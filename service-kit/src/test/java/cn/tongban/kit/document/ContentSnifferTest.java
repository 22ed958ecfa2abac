package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.kit.testing.SampleDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materials are recognised by their bytes: what a file is called does not matter, a disguise does not pass. */
class ContentSnifferTest {

    @TempDir
    Path dir;

    @Test
    void eachAcceptedTypeIsRecognisedByItsContent() {
        assertThat(ContentSniffer.sniff(SampleDocuments.pdf())).isEqualTo(new Sniffed.Recognised(DocumentType.PDF));
        assertThat(ContentSniffer.sniff(SampleDocuments.jpeg())).isEqualTo(new Sniffed.Recognised(DocumentType.JPEG));
        assertThat(ContentSniffer.sniff(SampleDocuments.png())).isEqualTo(new Sniffed.Recognised(DocumentType.PNG));
        assertThat(ContentSniffer.sniff(SampleDocuments.ofd())).isEqualTo(new Sniffed.Recognised(DocumentType.OFD));
    }

    @Test
    void aPngNamedPdfIsAPng() throws IOException {
        Path file = Files.write(dir.resolve("申请表.pdf"), SampleDocuments.png());

        assertThat(ContentSniffer.sniff(file)).isEqualTo(new Sniffed.Recognised(DocumentType.PNG));
    }

    @Test
    void aZipWithoutOfdXmlAtItsRootIsNotOfd() throws IOException {
        Path file = Files.write(dir.resolve("contract.ofd"), SampleDocuments.zipThatIsNotOfd());

        Sniffed sniffed = ContentSniffer.sniff(file);

        assertThat(sniffed).isInstanceOf(Sniffed.Refused.class);
        assertThat(((Sniffed.Refused) sniffed).looksLike()).isEqualTo("zip");
        assertThat(((Sniffed.Refused) sniffed).reason()).contains("without OFD.xml at its root");
        assertThat(ContentSniffer.sniff(SampleDocuments.zipThatIsNotOfd())).isEqualTo(sniffed);
    }

    @Test
    void anOfdPackageOnDiskIsRecognisedThroughItsZipDirectory() throws IOException {
        Path file = Files.write(dir.resolve("receipt.bin"), SampleDocuments.ofd());

        assertThat(ContentSniffer.sniff(file)).isEqualTo(new Sniffed.Recognised(DocumentType.OFD));
    }

    @Test
    void aRenamedExecutableIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("scan.jpg"), SampleDocuments.exe());

        Sniffed sniffed = ContentSniffer.sniff(file);

        assertThat(sniffed).isInstanceOf(Sniffed.Refused.class);
        assertThat(((Sniffed.Refused) sniffed).looksLike()).isEqualTo("exe");
    }

    @Test
    void aTruncatedUploadIsRefusedThoughItBeginsRight() {
        byte[] pdf = SampleDocuments.pdf();
        byte[] png = SampleDocuments.png();
        byte[] jpeg = SampleDocuments.jpeg();

        assertThat(ContentSniffer.sniff(Arrays.copyOf(pdf, pdf.length - 8))).isInstanceOf(Sniffed.Refused.class);
        assertThat(ContentSniffer.sniff(Arrays.copyOf(png, png.length - 12))).isInstanceOf(Sniffed.Refused.class);
        assertThat(ContentSniffer.sniff(Arrays.copyOf(jpeg, jpeg.length - 2))).isInstanceOf(Sniffed.Refused.class);
    }

    @Test
    void aDamagedZipIsRefused() {
        byte[] ofd = SampleDocuments.ofd();

        assertThat(ContentSniffer.sniff(Arrays.copyOf(ofd, 30))).isInstanceOf(Sniffed.Refused.class);
    }

    @Test
    void emptyAndUnknownContentIsRefused() {
        assertThat(ContentSniffer.sniff(new byte[0])).isEqualTo(new Sniffed.Refused("empty", "empty"));
        assertThat(ContentSniffer.sniff("姓名,身份证号\n".getBytes())).isInstanceOf(Sniffed.Refused.class);
        assertThat(ContentSniffer.sniff("GIF89a...".getBytes())).isInstanceOf(Sniffed.Refused.class);
    }
}
