package cn.tongban.center.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Puts a center's electronic seal on a finished PDF (加盖电子印章): a detached CMS (PKCS#7) signature, SM2 over the SM3
 * digest of the signed byte ranges, with the seal certificate inside, written by PDFBox's external signing as an
 * incremental update ({@code adbe.pkcs7.detached}). The byte range covers the whole file except the signature itself.
 */
public final class PdfSealer {

    /** Room reserved for the CMS: an SM2 signature with one certificate needs about 1 KB. */
    static final int SIGNATURE_SIZE = 8192;

    private final CenterSeal seal;

    public PdfSealer(CenterSeal seal) {
        this.seal = seal;
    }

    public CenterSeal seal() {
        return seal;
    }

    /** The sealed PDF: the input bytes unchanged, followed by the signature's incremental update. */
    public byte[] seal(byte[] unsignedPdf, Instant signedAt) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(seal.centerName());
            signature.setReason("电子印章 " + seal.center().value());
            signature.setSignDate(calendar(signedAt));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal the PDF", e);
        }
    }

    private byte[] cms(byte[] signedRanges) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CenterSeal.BC).build())
                    .build(new JcaContentSignerBuilder(CenterSeal.SIGNATURE_ALGORITHM).setProvider(CenterSeal.BC)
                            .build(seal.key().privateKey()), seal.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(seal.certificate()));
            // DER, as ISO 32000 asks of the signature value (BouncyCastle would otherwise write indefinite-length BER)
            return generator.generate(new CMSProcessableByteArray(signedRanges), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot make the CMS signature of the seal of " + seal.center(), e);
        }
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
