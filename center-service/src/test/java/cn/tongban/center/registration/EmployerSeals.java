package cn.tongban.center.registration;

import cn.tongban.center.seal.CenterSeal;
import cn.tongban.center.seal.PdfSealer;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Employer e-seals for tests: certificates from an e-seal authority, and PDFs signed with them. */
final class EmployerSeals {

    /** The local profile's dev e-seal authority. */
    static final Sm2KeyPair AUTHORITY = Sm2Keys.devKeyPair("employer-seal-authority");
    static final String CREDIT_CODE = "91110108MA01A2B32G";
    static final Instant SIGNED = Instant.parse("2026-11-25T02:00:00Z");

    private EmployerSeals() {
    }

    /** A seal certificate for the unit, issued by the authority, valid a year around {@code SIGNED}. */
    static X509Certificate certificate(Sm2KeyPair authority, Sm2KeyPair unitKey, String creditCode, Instant from, Instant to)
            throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "北京海淀示例科技有限公司")
                .addRDN(BCStyle.CN, "北京海淀示例科技有限公司 公章").addRDN(BCStyle.SERIALNUMBER, creditCode).build();
        var issuer = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.CN, "电子印章管理机构（测试）").build();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(4711), Date.from(from), Date.from(to), subject,
                unitKey.publicKey());
        return new JcaX509CertificateConverter().setProvider(CenterSeal.provider()).getCertificate(builder.build(
                new JcaContentSignerBuilder("SM3WITHSM2").setProvider(CenterSeal.provider()).build(authority.privateKey())));
    }

    /** A one-page PDF signed with the unit's seal. */
    static byte[] sealedForm(Sm2KeyPair authority, String creditCode, Instant validFrom, Instant validTo) throws Exception {
        Sm2KeyPair unit = Sm2Keys.devKeyPair("unit-" + creditCode);
        X509Certificate certificate = certificate(authority, unit, creditCode, validFrom, validTo);
        return new PdfSealer(unit, certificate, "北京海淀示例科技有限公司", "单位电子印章").seal(blankForm(), SIGNED);
    }

    static byte[] sealedForm() throws Exception {
        return sealedForm(AUTHORITY, CREDIT_CODE, SIGNED.minusSeconds(86_400 * 180L), SIGNED.plusSeconds(86_400 * 180L));
    }

    static byte[] blankForm() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
