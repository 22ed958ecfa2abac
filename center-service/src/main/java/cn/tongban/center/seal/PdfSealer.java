package cn.tongban.center.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import cn.tongban.kit.crypto.Sm2KeyPair;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Puts an electronic seal (a center's, or any SM2 seal with its certificate) on a finished PDF (加盖电子印章): a detached CMS (PKCS#7) signature, SM2 over the SM3
 * digest of the signed byte ranges, with the seal certificate inside, written by PDFBox's external signing as an
 * incremental update ({@code adbe.pkcs7.detached}). The byte range covers the whole file except the signature itself.
 */
public final class PdfSealer {

    /** Room reserved for the CMS: an SM2 signature with one certificate needs about 1 KB. */
    static final int SIGNATURE_SIZE = 8192;

    private final Sm2KeyPair key;
    private final X509Certificate certificate;
    private final String signer;
    private final String reason;

    /** A center's seal. */
    public PdfSealer(CenterSeal seal) {
        this(seal.key(), seal.certificate(), seal.centerName(), "电子印章 " + seal.center().value());
    }

    /**
     * Any SM2 seal with its certificate, e.g. an employer's e-seal in tests.
     *
     * @param signer the name written into the signature dictionary
     * @param reason the reason written there
     */
    public PdfSealer(Sm2KeyPair key, X509Certificate certificate, String signer, String reason) {
        this.key = key;
        this.certificate = certificate;
        this.signer = signer;
        this.reason = reason;
    }

    /** The sealed PDF: the input bytes unchanged, followed by the signature's incremental update. */
    public byte[] seal(byte[] unsignedPdf, Instant signedAt) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(signer);
            signature.setReason(reason);
            signature.setSignDate(calendar(signedAt));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), signedAt));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal the PDF", e);
        }
    }

    private byte[] cms(byte[] signedRanges, Instant signedAt) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CenterSeal.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                            new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signedAt)))))))
                    .build(new JcaContentSignerBuilder(CenterSeal.SIGNATURE_ALGORITHM).setProvider(CenterSeal.BC)
                            .build(key.privateKey()), certificate));
            generator.addCertificate(new JcaX509CertificateHolder(certificate));
            // DER, as ISO 32000 asks of the signature value (BouncyCastle would otherwise write indefinite-length BER)
            return generator.generate(new CMSProcessableByteArray(signedRanges), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot make the CMS signature of the seal of " + signer, e);
        }
    }

    private static Calendar calendar(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
