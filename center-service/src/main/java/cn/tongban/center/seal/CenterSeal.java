package cn.tongban.center.seal;

import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fund center's electronic seal (电子印章): its SM2 key pair and the X.509 certificate that binds the public key to the
 * center (subject: the center's name, its code as serialNumber). Certificates the center issues are signed with it.
 */
public record CenterSeal(CenterCode center, String centerName, Sm2KeyPair key, X509Certificate certificate) {

    /** BouncyCastle by reference, never installed into the JVM's provider list. */
    static final Provider BC = new BouncyCastleProvider();
    static final String SIGNATURE_ALGORITHM = "SM3WITHSM2";

    public CenterSeal {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        if (!java.util.Arrays.equals(certificate.getPublicKey().getEncoded(), key.publicKey().getEncoded())) {
            throw new IllegalArgumentException("the seal certificate of " + center + " is not for the seal's key ("
                    + Sm2Keys.fingerprint(key.publicKey()) + ")");
        }
    }

    /**
     * A certificate the center issues to itself for its seal key: fit for local runs and tests, and for production
     * until a certificate from a recognised CA is configured. Valid for ten years from {@code now}.
     */
    public static CenterSeal selfIssued(CenterCode center, String centerName, Sm2KeyPair key, Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, centerName)
                .addRDN(BCStyle.CN, centerName + " 电子印章")
                .addRDN(BCStyle.SERIALNUMBER, center.value())
                .build();
        try {
            Instant from = now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(1, key.publicKey().getEncoded()).mod(BigInteger.TWO.pow(63)).add(BigInteger.ONE),
                    Date.from(from), Date.from(from.plus(3650, ChronoUnit.DAYS)), subject, key.publicKey());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new CenterSeal(center, centerName, key, new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(key.privateKey()))));
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue the seal certificate of " + center, e);
        }
    }

    /** The BouncyCastle provider the seals use, for verifying certificates issued with SM2. */
    public static Provider provider() {
        return BC;
    }

    /** An X.509 certificate from PEM or base64 DER. */
    public static X509Certificate readCertificate(String text) {
        String body = text.strip().replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 certificate (PEM or base64 DER): " + e.getMessage(), e);
        }
    }

    /** The certificate as PEM, for whoever wants to check a sealed PDF with their own tools. */
    public String certificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** First 16 hex digits of SM3 of the public key, as the signing keys are named in logs. */
    public String fingerprint() {
        return Sm2Keys.fingerprint(key.publicKey());
    }
}
