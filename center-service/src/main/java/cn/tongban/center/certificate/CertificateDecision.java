package cn.tongban.center.certificate;

import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.util.Objects;

/**
 * What the home center decides on a request for a certificate — contribution-and-use (缴存使用证明) or
 * loan fully repaid (贷款全部还清证明): issue it, or refuse with a stable reason code and a text a clerk can read out. A refusal is an answer,
 * not an error.
 */
public sealed interface CertificateDecision {

    /** The certificate is issued (出具证明) with this data. */
    record Issued(ContributionUseCertificate certificate) implements CertificateDecision {

        public Issued {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** The loan-fully-repaid certificate is issued with this data. */
    record LoanRepaidIssued(LoanRepaidCertificate certificate) implements CertificateDecision {

        public LoanRepaidIssued {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * Not issued (不予出具).
     *
     * @param reasonCode stable and machine-readable, e.g. {@code ACCOUNT_CLOSED}; travels in {@code CaseRejected}
     * @param reason in Chinese, for the applicant; never contains the account's data
     */
    record Refused(String reasonCode, String reason) implements CertificateDecision {

        public Refused {
            if (reasonCode == null || !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a reason code is upper-case letters, digits and _");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal gives its reason");
            }
        }
    }
}
