package cn.tongban.center.seal;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.certificate.CertificateKind;
import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.center.certificate.CompletionReceipt;
import cn.tongban.center.certificate.PrintedCertificate;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import cn.tongban.kit.crypto.Sm3;
import cn.tongban.kit.web.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sealed certificates of this center: issued once per case and kind (rendered, sealed, registered), revoked by staff
 * with a reason, and checked for anyone by verification code or by the file itself.
 *
 * <p>This is the plain Java API for other capabilities: {@link #completionReceipt(CompletionReceipt)} gives joint
 * handling its sealed completion receipt (办结回执) to send on as a document reference.
 */
@Service
public class SealedCertificates {

    private static final Logger log = LoggerFactory.getLogger(SealedCertificates.class);
    /** Crockford's base32 without I, L, O, U: nothing to misread on paper. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** 20 characters of 5 bits: 100 random bits, printed in five groups of four. */
    public static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");

    private final CertificateRegister register;
    private final CertificatePdf renderer;
    private final PdfSealer sealer;
    private final SealedPdfVerifier verifier;
    private final CenterProperties center;
    private final SealProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SealedCertificates(CertificateRegister register, CertificatePdf renderer, PdfSealer sealer, SealedPdfVerifier verifier,
                       CenterProperties center, SealProperties properties, Clock clock) {
        this.register = register;
        this.renderer = renderer;
        this.sealer = sealer;
        this.verifier = verifier;
        this.center = center;
        this.properties = properties;
        this.clock = clock;
    }

    /** The sealed contribution-and-use certificate (item 02) of a case this center decided. */
    public IssuedCertificate contributionUse(String caseId, ContributionUseCertificate certificate) {
        return issue(caseId, PrintedCertificate.of(certificate), certificate.identityNumber());
    }

    /** The sealed loan-fully-repaid certificate (item 07) of a case this center decided. */
    public IssuedCertificate loanRepaid(String caseId, LoanRepaidCertificate certificate) {
        return issue(caseId, PrintedCertificate.of(certificate), certificate.identityNumber());
    }

    /** The sealed completion receipt (办结回执) of a joint-handling case this center completed. */
    public IssuedCertificate completionReceipt(CompletionReceipt receipt) {
        return issue(receipt.caseId(), PrintedCertificate.of(receipt, center.phone()), receipt.identityNumber());
    }

    /**
     * Renders, seals and registers the certificate, once: asked again for the same case and kind, the certificate
     * issued first is the answer, byte for byte.
     */
    IssuedCertificate issue(String caseId, PrintedCertificate printed, IdentityNumber holder) {
        if (!printed.issuer().equals(center.code())) {
            throw new IllegalArgumentException("center " + center.code() + " seals only its own certificates, not "
                    + printed.issuer() + "'s");
        }
        Optional<IssuedCertificate> issued = register.findIssued(caseId, printed.kind());
        if (issued.isPresent()) {
            return issued.get();
        }
        Instant now = clock.instant();
        String code = newCode();
        byte[] pdf = sealer.seal(renderer.render(printed, code, verificationUrl(code), now), now);
        IssuedCertificate certificate = new IssuedCertificate(code, IssuedCertificate.issuance(caseId, printed.kind()),
                printed.kind(), caseId, center.code(), center.name(), printed.number(), holder.value(), Sm3.hex(pdf),
                sha256(pdf), pdf.length, pdf, now, null, null, null);
        if (!register.insert(certificate)) {
            return register.findIssued(caseId, printed.kind()).orElseThrow();
        }
        log.info("sealed {} {} for case {}", printed.kind(), printed.number(), caseId);
        return certificate;
    }

    public Optional<IssuedCertificate> issued(String caseId, CertificateKind kind) {
        return register.findIssued(caseId, kind);
    }

    public Optional<IssuedCertificate> find(String verificationCode) {
        return register.find(verificationCode);
    }

    /** Revokes (作废) a certificate this center issued; the reason is shown to whoever verifies it. */
    public IssuedCertificate revoke(String verificationCode, String reason, String by) {
        IssuedCertificate current = register.find(verificationCode)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CERTIFICATE", "no certificate " + verificationCode));
        if (!register.revoke(verificationCode, by, reason, clock.instant())) {
            throw ApiProblem.conflict("ALREADY_REVOKED", "certificate " + current.number() + " was revoked already");
        }
        log.info("revoked {} {} by {}", current.kind(), current.number(), by);
        return register.find(verificationCode).orElseThrow();
    }

    /** What the register says of a verification code. */
    public Verification verify(String verificationCode) {
        return register.find(verificationCode)
                .map(c -> Verification.of(c.isRevoked() ? Verification.Verdict.REVOKED : Verification.Verdict.GENUINE, null,
                        c, c.isRevoked() ? "已作废：" + c.revocationReason() : null))
                .orElseGet(() -> Verification.unknown("本中心未出具验证码为 " + verificationCode + " 的证明"));
    }

    /** What the file's seal and the register say of a PDF. */
    public Verification verify(byte[] pdf) {
        SealCheck check = verifier.check(pdf);
        return switch (check.outcome()) {
            case NOT_A_PDF, NOT_SEALED -> Verification.failed(Verification.Verdict.NOT_SEALED, check.detail());
            case ALTERED -> Verification.failed(Verification.Verdict.ALTERED, check.detail());
            case UNKNOWN_SEAL -> Verification.unknown(check.detail());
            case INTACT -> intact(check, pdf);
        };
    }

    private Verification intact(SealCheck check, byte[] pdf) {
        if (!check.issuer().equals(center.code())) {
            return new Verification(Verification.Verdict.ISSUED_ELSEWHERE, true, true, null,
                    new Verification.Issuer(check.issuer().value(), null), null, null, null, check.verificationCode(),
                    check.signedAt(), null, null, Sm3.hex(pdf), sha256(pdf),
                    "由 " + check.issuer().value() + " 中心的电子印章签署且未被改动；是否作废请向出具中心核验");
        }
        Optional<IssuedCertificate> registered = check.verificationCode() == null ? Optional.empty()
                : register.find(check.verificationCode());
        if (registered.isEmpty()) {
            return Verification.unknown("本中心的登记簿中没有该文件的验证码");
        }
        IssuedCertificate c = registered.get();
        if (!c.sm3().equals(Sm3.hex(pdf))) {
            return Verification.of(Verification.Verdict.ALTERED, false, c, "文件与本中心出具的证明不一致");
        }
        if (c.isRevoked()) {
            return Verification.of(Verification.Verdict.REVOKED, true, c, "已作废：" + c.revocationReason());
        }
        return Verification.of(Verification.Verdict.GENUINE, true, c, null);
    }

    String verificationUrl(String code) {
        return properties.verificationBaseUrl() + "/public/v1/certificates/" + code;
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
