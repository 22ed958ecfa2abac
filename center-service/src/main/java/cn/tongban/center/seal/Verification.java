package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificateKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The public answer about a certificate (证明核验结果): no personal data, only what lets a bank, a landlord or another
 * center trust the paper or file in front of them.
 *
 * @param verdict the one-word answer
 * @param authentic sealed by a known center's seal (null when no file was given and nothing is known)
 * @param unaltered the file is byte for byte what was sealed (null when only a code was given)
 * @param revoked whether the issuer revoked it (null when the issuer is another center: ask it)
 * @param issuer the issuing center
 * @param sm3 digest of the file as issued, so a holder can compare their copy; {@code sha256} likewise
 * @param detail why, in a sentence, when the verdict is not GENUINE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(Verdict verdict, Boolean authentic, Boolean unaltered, Boolean revoked, Issuer issuer,
                           CertificateKind kind, String title, String number, String verificationCode, Instant issuedAt,
                           Instant revokedAt, String revocationReason, String sm3, String sha256, String detail) {

    public enum Verdict {
        /** Issued here, sealed, unaltered, not revoked. */
        GENUINE,
        /** Issued here and sealed, but revoked since (已作废). */
        REVOKED,
        /** The file is not what was sealed, or not all of it is covered by the seal. */
        ALTERED,
        /** Nothing known under this code, or a seal this center does not know. */
        UNKNOWN,
        /** A PDF without any electronic seal, or no PDF at all. */
        NOT_SEALED,
        /** Sealed, unaltered, by another center's seal: its own endpoint knows whether it was revoked. */
        ISSUED_ELSEWHERE
    }

    /** @param code the center's code; {@code name} as printed on its certificates */
    public record Issuer(String code, String name) {
    }

    static Verification of(Verdict verdict, Boolean unaltered, IssuedCertificate c, String detail) {
        return new Verification(verdict, true, unaltered, c.isRevoked(), new Issuer(c.issuer().value(), c.issuerName()),
                c.kind(), c.kind().title(), c.number(), c.verificationCode(), c.issuedAt(), c.revokedAt(),
                c.revocationReason(), c.sm3(), c.sha256(), detail);
    }

    static Verification unknown(String detail) {
        return new Verification(Verdict.UNKNOWN, false, null, null, null, null, null, null, null, null, null, null,
                null, null, detail);
    }

    static Verification failed(Verdict verdict, String detail) {
        return new Verification(verdict, false, false, null, null, null, null, null, null, null, null, null, null,
                null, detail);
    }
}
