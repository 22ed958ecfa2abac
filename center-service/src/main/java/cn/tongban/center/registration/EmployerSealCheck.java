package cn.tongban.center.registration;

import cn.tongban.center.seal.PdfSignature;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whether a material signed with an employer's electronic seal (单位电子印章) stands in for the paper with the red seal:
 * the PDF's signature covers the whole file and verifies, its certificate was issued by a recognised e-seal authority
 * (one of the trusted keys), was valid when it signed, and names this unit's unified social credit code.
 *
 * <p>Refused, in this order: {@value #NOT_SEALED} (no signature, or not a PDF), {@value #SEAL_BROKEN} (altered, or a
 * signature that does not verify), {@value #SEAL_UNTRUSTED}, {@value #SEAL_NOT_VALID_THEN}, {@value #SEAL_OF_ANOTHER_UNIT}.
 */
public final class EmployerSealCheck {

    public static final String NOT_SEALED = "NOT_SEALED";
    public static final String SEAL_BROKEN = "SEAL_BROKEN";
    public static final String SEAL_UNTRUSTED = "SEAL_UNTRUSTED";
    public static final String SEAL_NOT_VALID_THEN = "SEAL_NOT_VALID_THEN";
    public static final String SEAL_OF_ANOTHER_UNIT = "SEAL_OF_ANOTHER_UNIT";

    /** The decision on one sealed material. */
    public sealed interface Decision {
    }

    /** Accepted without paper: who sealed it, when, and with which certificate. */
    public record Accepted(String signer, String certificateSerial, Instant signedAt) implements Decision {
    }

    /** Not accepted; the reason is for the employer's agent. */
    public record Refused(String reasonCode, String reason) implements Decision {
    }

    private final List<PublicKey> trustedIssuers;

    /** @param trustedIssuers the keys of the e-seal authorities whose certificates are recognised */
    public EmployerSealCheck(List<PublicKey> trustedIssuers) {
        this.trustedIssuers = List.copyOf(trustedIssuers);
    }

    /**
     * @param creditCode the unit's unified social credit code
     * @param now when the material is received: the signing time if the signature carries none
     */
    public Decision decide(byte[] pdf, String creditCode, Instant now) {
        Objects.requireNonNull(creditCode, "creditCode");
        PdfSignature.Result read = PdfSignature.read(pdf);
        if (read.problem() != null) {
            return switch (read.problem().outcome()) {
                case NOT_A_PDF, NOT_SEALED -> new Refused(NOT_SEALED, "材料不是加盖电子印章的 PDF 文件");
                default -> new Refused(SEAL_BROKEN, "电子印章签名无效或文件已被改动：" + read.problem().detail());
            };
        }
        PdfSignature signature = read.signature();
        X509Certificate certificate = signature.certificate();
        if (!signature.verifiesWith(certificate.getPublicKey())) {
            return new Refused(SEAL_BROKEN, "电子印章签名与文件内容不符，文件已被改动");
        }
        if (trustedIssuers.stream().noneMatch(issuer -> issuedBy(certificate, issuer))) {
            return new Refused(SEAL_UNTRUSTED, "电子印章证书不是由认可的电子印章管理机构签发");
        }
        Instant signedAt = signature.signedAt() == null ? now : signature.signedAt();
        try {
            certificate.checkValidity(Date.from(signedAt));
        } catch (GeneralSecurityException e) {
            return new Refused(SEAL_NOT_VALID_THEN, "签章时电子印章证书不在有效期内");
        }
        if (!names(certificate, creditCode.strip().toUpperCase())) {
            return new Refused(SEAL_OF_ANOTHER_UNIT, "电子印章不属于统一社会信用代码为 " + creditCode + " 的单位");
        }
        return new Accepted(subject(certificate).toString(), certificate.getSerialNumber().toString(16),
                signedAt);
    }

    private static boolean issuedBy(X509Certificate certificate, PublicKey issuer) {
        try {
            certificate.verify(issuer, cn.tongban.center.seal.CenterSeal.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The credit code is one of the subject's values (serialNumber, organizationIdentifier, OU …), whole. */
    private static boolean names(X509Certificate certificate, String creditCode) {
        for (RDN rdn : subject(certificate).getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                String text = IETFUtils.valueToString(value.getValue()).strip().toUpperCase();
                if (text.equals(creditCode) || text.endsWith("-" + creditCode)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded());
    }
}
