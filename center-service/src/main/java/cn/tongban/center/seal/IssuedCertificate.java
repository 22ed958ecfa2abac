package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificateKind;
import cn.tongban.contracts.CenterCode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the register of sealed certificates (电子证明登记簿) this center issued: kept so that anyone holding the
 * verification code or the file can learn whether it is genuine and still valid.
 *
 * @param id the verification code (验证码) printed on the certificate: unguessable, and the register's key
 * @param issuance {@code <case id>/<kind>}: one sealed certificate of each kind per case, however often it is asked for
 * @param holder the identity number of the person it was issued to, for the download check; never shown publicly
 * @param sm3 hex SM3 of the whole sealed PDF; {@code sha256} the same for tools without SM3
 * @param pdf the sealed PDF as issued
 * @param revokedAt when it was revoked (作废), null while valid
 */
public record IssuedCertificate(String id, String issuance, CertificateKind kind, String caseId, CenterCode issuer,
                                String issuerName, String number, String holder, String sm3, String sha256, int size,
                                byte[] pdf, Instant issuedAt, Instant revokedAt, String revokedBy,
                                String revocationReason) {

    public IssuedCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(kind, "kind");
    }

    public static String issuance(String caseId, CertificateKind kind) {
        return caseId + "/" + kind.name();
    }

    public String verificationCode() {
        return id;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String fileName() {
        return number + ".pdf";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuedCertificate that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + kind + " " + number + ", case " + caseId + (isRevoked() ? ", revoked" : "") + "]";
    }
}
