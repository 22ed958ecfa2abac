package cn.tongban.center.seal;

import static cn.tongban.center.seal.Certificates.BEIJING;
import static cn.tongban.center.seal.Certificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.center.certificate.PrintedCertificate;
import cn.tongban.kit.crypto.Sm2Keys;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each certificate rendered, sealed, read back with PDFBox, and its seal checked by an independent path: BouncyCastle's
 * CMS verification straight from the file's byte range, not the code that signed nor the service's verifier.
 */
class SealedCertificatePdfTest {

    private static final CenterSeal SEAL = Certificates.beijingSeal();
    private static final PublicKey BEIJING_SEAL_KEY = Sm2Keys.devKeyPair("seal-center-110000").publicKey();
    private static final String CODE = "K7QM-3XWD-9PRT-2HVN-C4FJ";
    private static final String URL = "http://localhost:8081/public/v1/certificates/" + CODE;

    private static CjkFont font;

    @BeforeAll
    static void font() {
        font = CjkFont.locate(null);
    }

    static Stream<Arguments> certificates() {
        return Stream.of(
                Arguments.of(PrintedCertificate.of(Certificates.contributionUse()),
                        List.of("贷款职工住房公积金缴存使用证明", "王建国", "110105198507219116", "北京华信数据科技有限公司",
                                "186532.40 元（壹拾捌万陆仟伍佰叁拾贰元肆角）", "2019年3月至2026年10月",
                                "仅有一次贷款记录且已还清", "我中心保证以上信息真实准确", "北京住房公积金管理中心",
                                "2026年11月25日", "验证码：" + CODE)),
                Arguments.of(PrintedCertificate.of(Certificates.loanRepaid()),
                        List.of("住房公积金个人住房贷款全部还清证明", "王建国", "JK110000-2016-0042",
                                "800000.00 元（捌拾万元整）", "2022年8月15日", "已全部还清", "验证码：" + CODE)),
                Arguments.of(PrintedCertificate.of(Certificates.completionReceipt(), "010-12329"),
                        List.of("住房公积金异地业务办结回执", "购房提取", "110105********9116", "150000.00 元（壹拾伍万元整）",
                                "已核准购房提取", "本业务已办结，特此回执", "验证码：" + CODE)));
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void aSealedCertificateReadsBackAndItsSealVerifiesIndependently(PrintedCertificate certificate, List<String> printed)
            throws Exception {
        byte[] pdf = sealed(certificate);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            printed.forEach(expected -> assertThat(text.replace(" ", "")).contains(expected.replace(" ", "")));
            assertThat(text).contains(URL);
            PDFont used = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(used.isEmbedded()).as("the CJK font is embedded").isTrue();
            assertThat(used.getName()).as("as a subset").matches("[A-Z]{6}\\+.*");
        }
        assertThat(independentlyVerified(pdf)).isTrue();
        assertThat(new SealedPdfVerifier(Map.of(BEIJING, BEIJING_SEAL_KEY)).check(pdf))
                .returns(SealCheck.Outcome.INTACT, SealCheck::outcome)
                .returns(BEIJING, SealCheck::issuer)
                .returns(CODE, SealCheck::verificationCode);
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void oneChangedByteAnywhereBreaksTheSeal(PrintedCertificate certificate) throws Exception {
        byte[] pdf = sealed(certificate);
        int[] range = signatureRange(pdf);
        int[] positions = {
                pdf.length / 3,                 // inside the page content
                range[1] - 40,                  // just before the signature value
                range[1] + 41,                  // inside the signature value
                range[2] - 5,                   // in the zero padding after the CMS
                range[2] + 10,                  // just after it
                pdf.length - 3};                // in the trailer
        SealedPdfVerifier verifier = new SealedPdfVerifier(Map.of(BEIJING, BEIJING_SEAL_KEY));
        for (int position : positions) {
            byte[] altered = pdf.clone();
            altered[position] = (byte) (altered[position] == '1' ? '2' : altered[position] == '0' ? '1' : altered[position] ^ 0x01);

            assertThat(independentlyVerifiedOrBroken(altered)).as("byte %d changed", position).isFalse();
            assertThat(verifier.check(altered).outcome()).as("byte %d changed", position).isNotEqualTo(SealCheck.Outcome.INTACT);
        }
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void theRenderedPageShowsTheTextAndTheRedSeal(PrintedCertificate certificate) throws Exception {
        byte[] pdf = sealed(certificate);

        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 110);
        }
        Path png = Path.of("target", "certificates", certificate.kind().name().toLowerCase() + ".png");
        Files.createDirectories(png.getParent());
        ImageIO.write(page, "png", png.toFile());

        // the title band holds dark glyph pixels, the lower right a red seal impression
        assertThat(count(page, 0, page.getHeight() / 12, page.getWidth(), page.getHeight() / 7, SealedCertificatePdfTest::dark))
                .as("title text").isGreaterThan(500);
        assertThat(count(page, page.getWidth() / 2, page.getHeight() / 2, page.getWidth(), page.getHeight(), SealedCertificatePdfTest::red))
                .as("seal impression").isGreaterThan(2000);
    }

    // ---- independent verification -------------------------------------------------------------------------

    private static boolean independentlyVerifiedOrBroken(byte[] pdf) {
        try {
            return independentlyVerified(pdf);
        } catch (Exception unreadable) {
            return false;
        }
    }

    /** Whole file covered, CMS over the ranges verifies with BouncyCastle, signer is Beijing's seal key. */
    private static boolean independentlyVerified(byte[] pdf) throws Exception {
        int[] range = signatureRange(pdf);
        if (range[0] != 0 || range[2] + range[3] != pdf.length) {
            return false;
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        String hex = new String(pdf, range[1] + 1, range[2] - range[1] - 2, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] value = java.util.HexFormat.of().parseHex(hex);
        // a definite-length DER SEQUENCE, then zeros only: BouncyCastle refuses trailing bytes, the padding is ours to check
        int lengthBytes = (value[1] & 0x80) == 0 ? 0 : value[1] & 0x7f;
        int length = lengthBytes == 0 ? value[1] : new java.math.BigInteger(1, java.util.Arrays.copyOfRange(value, 2, 2 + lengthBytes)).intValueExact();
        int end = 2 + lengthBytes + length;
        if (value[0] != 0x30 || lengthBytes == 0 && (value[1] & 0x80) != 0 || end > value.length) {
            return false;
        }
        for (int i = end; i < value.length; i++) {
            if (value[i] != 0) {
                return false;
            }
        }
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), java.util.Arrays.copyOf(value, end));
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
        if (!certificate.getSubjectPublicKeyInfo().equals(SubjectPublicKeyInfo.getInstance(BEIJING_SEAL_KEY.getEncoded()))) {
            return false;
        }
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider()).build(certificate));
    }

    private static int[] signatureRange(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            return signature.getByteRange();
        }
    }

    /** Each certificate is sealed once for the three tests that read it (the tests never change the array they get). */
    private static final Map<PrintedCertificate, byte[]> SEALED = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] sealed(PrintedCertificate certificate) {
        return SEALED.computeIfAbsent(certificate,
                c -> new PdfSealer(SEAL).seal(new CertificatePdf(font).render(c, CODE, URL, NOW), NOW)).clone();
    }

    private static int count(BufferedImage image, int x0, int y0, int x1, int y1, java.util.function.IntPredicate colour) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (colour.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90;
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90;
    }
}
