package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.contracts.CenterCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
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
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks the electronic seal of a PDF from its bytes alone: that the signature's byte range covers the whole file
 * except the signature value, that the signature value is one DER CMS object and nothing else (padding is zeros), that
 * the CMS verifies over the signed ranges (SM3 digest, SM2 signature) with the public key of a known center seal — the
 * key configured here, never the certificate the PDF brings along.
 */
public final class SealedPdfVerifier {

    private final Map<CenterCode, PublicKey> seals;

    /** @param seals the seal keys of the centers whose certificates this center can check (its own among them) */
    public SealedPdfVerifier(Map<CenterCode, PublicKey> seals) {
        this.seals = Map.copyOf(seals);
    }

    public SealCheck check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SealCheck.failed(SealCheck.Outcome.NOT_SEALED, "the PDF carries no signature");
            }
            if (signatures.size() > 1) {
                return SealCheck.failed(SealCheck.Outcome.ALTERED, "the PDF carries " + signatures.size()
                        + " signatures; a certificate is sealed once");
            }
            int[] range = signatures.get(0).getByteRange();
            Optional<String> coverage = coverageProblem(range, pdf);
            if (coverage.isPresent()) {
                return SealCheck.failed(SealCheck.Outcome.ALTERED, coverage.get());
            }
            byte[] cms = contents(pdf, range[1] + 1, range[2] - 1);
            if (cms == null) {
                return SealCheck.failed(SealCheck.Outcome.ALTERED, "the signature value is not one DER object followed by zeros");
            }
            byte[] signed = new byte[range[1] + range[3]];
            System.arraycopy(pdf, 0, signed, 0, range[1]);
            System.arraycopy(pdf, range[2], signed, range[1], range[3]);
            return verify(cms, signed, document);
        } catch (IOException | RuntimeException e) {
            // PDFBox refuses bytes that are no PDF, or a PDF broken past repair
            return SealCheck.failed(SealCheck.Outcome.NOT_A_PDF, "not a readable PDF: " + e.getClass().getSimpleName());
        }
    }

    private SealCheck verify(byte[] cmsBytes, byte[] signed, PDDocument document) {
        SignerInformation signer;
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signed), cmsBytes);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return SealCheck.failed(SealCheck.Outcome.ALTERED, "the CMS has " + signers.size() + " signers");
            }
            signer = signers.iterator().next();
        } catch (Exception e) {
            return SealCheck.failed(SealCheck.Outcome.ALTERED, "the signature value is no CMS signed-data: " + e.getMessage());
        }
        Optional<Map.Entry<CenterCode, PublicKey>> known = signerCertificate(cms, signer).flatMap(this::knownSeal);
        if (known.isEmpty()) {
            return SealCheck.failed(SealCheck.Outcome.UNKNOWN_SEAL, "the signer is no center seal known here");
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CenterSeal.BC).build(known.get().getValue()))) {
                return SealCheck.failed(SealCheck.Outcome.ALTERED, "the seal's signature does not match the signed bytes");
            }
        } catch (Exception e) {
            // BouncyCastle reports a message-digest mismatch as an exception
            return SealCheck.failed(SealCheck.Outcome.ALTERED, "the seal's signature does not match the signed bytes: "
                    + e.getMessage());
        }
        String code = document.getDocumentInformation().getCustomMetadataValue(CertificatePdf.INFO_VERIFICATION_CODE);
        return new SealCheck(SealCheck.Outcome.INTACT, known.get().getKey(), code, signingTime(signer), null);
    }

    private static Optional<X509CertificateHolder> signerCertificate(CMSSignedData cms, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        return matches.stream().findFirst();
    }

    private Optional<Map.Entry<CenterCode, PublicKey>> knownSeal(X509CertificateHolder certificate) {
        byte[] key;
        try {
            key = certificate.getSubjectPublicKeyInfo().getEncoded();
        } catch (IOException e) {
            return Optional.empty();
        }
        return seals.entrySet().stream().filter(seal -> Arrays.equals(seal.getValue().getEncoded(), key)).findFirst();
    }

    /** The byte range must be [0, b, c, d] with b < c, c + d the file's length, and the gap exactly {@code <hex>}. */
    static Optional<String> coverageProblem(int[] range, byte[] pdf) {
        if (range == null || range.length != 4) {
            return Optional.of("the signature has no byte range of two parts");
        }
        int start = range[0];
        int gapFrom = range[1];
        int gapTo = range[2];
        int tail = range[3];
        if (start != 0 || gapFrom <= 0 || gapTo <= gapFrom + 1 || tail < 0 || (long) gapTo + tail != pdf.length) {
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
        if (time == null) {
            return null;
        }
        return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }
}
