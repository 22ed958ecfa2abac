package cn.tongban.center.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * The one signature of a signed PDF, read from its bytes: checked that its byte range covers the whole file except the
 * signature value, and that the value is one DER CMS object followed by zeros only. Whose signature it is, and whether
 * that signer is trusted, is for the caller: a center seal ({@link SealedPdfVerifier}) or an employer's e-seal.
 *
 * @param certificate the signer's certificate as the CMS carries it: a claim until checked against a trusted key
 * @param info the document information entries (covered by the signature, since the whole file is)
 */
public record PdfSignature(SignerInformation signer, X509Certificate certificate, Instant signedAt, Map<String, String> info) {

    /** Why a PDF has no usable signature. */
    public record Problem(SealCheck.Outcome outcome, String detail) {
    }

    /** The signature of the PDF, or why there is none that could be checked. */
    public static Result read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Result.problem(SealCheck.Outcome.NOT_SEALED, "the PDF carries no signature");
            }
            if (signatures.size() > 1) {
                return Result.problem(SealCheck.Outcome.ALTERED, "the PDF carries " + signatures.size()
                        + " signatures; a sealed document is signed once");
            }
            int[] range = signatures.get(0).getByteRange();
            Optional<String> coverage = coverageProblem(range, pdf);
            if (coverage.isPresent()) {
                return Result.problem(SealCheck.Outcome.ALTERED, coverage.get());
            }
            byte[] cms = contents(pdf, range[1] + 1, range[2] - 1);
            if (cms == null) {
                return Result.problem(SealCheck.Outcome.ALTERED, "the signature value is not one DER object followed by zeros");
            }
            byte[] signed = new byte[range[1] + range[3]];
            System.arraycopy(pdf, 0, signed, 0, range[1]);
            System.arraycopy(pdf, range[2], signed, range[1], range[3]);
            Map<String, String> info = new java.util.HashMap<>();
            document.getDocumentInformation().getMetadataKeys().forEach(key -> {
                String value = document.getDocumentInformation().getCustomMetadataValue(key);
                if (value != null) {
                    info.put(key, value);
                }
            });
            return parse(cms, signed, info);
        } catch (IOException | RuntimeException e) {
            // PDFBox refuses bytes that are no PDF, or a PDF broken past repair
            return Result.problem(SealCheck.Outcome.NOT_A_PDF, "not a readable PDF: " + e.getClass().getSimpleName());
        }
    }

    /** Whether the CMS signature verifies over the signed byte ranges with this key (digest and SM2 signature). */
    public boolean verifiesWith(PublicKey key) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CenterSeal.BC).build(key));
        } catch (Exception e) {
            // BouncyCastle reports a message-digest mismatch as an exception
            return false;
        }
    }

    /** Either a signature or a problem. */
    public record Result(PdfSignature signature, Problem problem) {

        static Result problem(SealCheck.Outcome outcome, String detail) {
            return new Result(null, new Problem(outcome, detail));
        }
    }

    private static Result parse(byte[] cmsBytes, byte[] signed, Map<String, String> info) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), cmsBytes);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Result.problem(SealCheck.Outcome.ALTERED, "the CMS has " + signers.size() + " signers");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return Result.problem(SealCheck.Outcome.UNKNOWN_SEAL, "the CMS does not carry the signer's certificate");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(CenterSeal.BC)
                    .getCertificate(matches.iterator().next());
            return new Result(new PdfSignature(signer, certificate, signingTime(signer), Map.copyOf(info)), null);
        } catch (Exception e) {
            return Result.problem(SealCheck.Outcome.ALTERED, "the signature value is no CMS signed-data: " + e.getMessage());
        }
    }

    /** The byte range must be [0, b, c, d] with b < c, c + d the file's length, and the gap exactly {@code <hex>}. */
    static Optional<String> coverageProblem(int[] range, byte[] pdf) {
        if (range == null || range.length != 4) {
            return Optional.of("the signature has no byte range of two parts");
        }
        int gapFrom = range[1];
        int gapTo = range[2];
        if (range[0] != 0 || gapFrom <= 0 || gapTo <= gapFrom + 1 || range[3] < 0 || (long) gapTo + range[3] != pdf.length) {
            return Optional.of("the signature does not cover the whole file (byte range " + Arrays.toString(range)
                    + ", file " + pdf.length + " bytes)");
        }
        if (pdf[gapFrom] != '<' || pdf[gapTo - 1] != '>') {
            return Optional.of("the gap in the byte range is not the signature value");
        }
        for (int i = gapFrom + 1; i < gapTo - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return Optional.of("the gap in the byte range holds more than the signature value");
            }
        }
        return Optional.empty();
    }

    /**
     * The CMS in the hex gap, or null when anything but zeros follows it. The hex must be upper-case, as it is written
     * when sealing: {@code a} and {@code A} decode alike, so a second spelling would be a changed byte that verifies.
     */
    static byte[] contents(byte[] pdf, int from, int to) {
        if ((to - from) % 2 != 0) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (pdf[i] >= 'a' && pdf[i] <= 'f') {
                return null;
            }
        }
        byte[] value = HexFormat.of().parseHex(new String(pdf, from, to - from, StandardCharsets.US_ASCII));
        ByteArrayInputStream bytes = new ByteArrayInputStream(value);
        try (ASN1InputStream in = new ASN1InputStream(bytes, value.length)) {
            if (in.readObject() == null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        int length = value.length - bytes.available();
        for (int i = length; i < value.length; i++) {
            if (value[i] != 0) {
                return null;
            }
        }
        return Arrays.copyOf(value, length);
    }

    private static Instant signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        return time == null ? null : Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }
}
