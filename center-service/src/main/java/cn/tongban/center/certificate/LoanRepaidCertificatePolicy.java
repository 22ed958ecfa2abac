package cn.tongban.center.certificate;

import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the lending center certifies that a provident-fund home loan is fully repaid (开具住房公积金个人住房
 * 贷款全部还清证明, item 07), and with what data: the latest loan the person paid off here.
 *
 * <p>Refused, in this order: a name at the counter that is not the account holder's ({@value
 * ContributionUseCertificatePolicy#NAME_MISMATCH}); no loan at this center ({@value #NO_LOAN}); a loan still
 * outstanding ({@value #LOAN_OUTSTANDING}) — then nothing is "fully" repaid.
 */
public final class LoanRepaidCertificatePolicy {

    public static final String NO_LOAN = "NO_LOAN";
    public static final String LOAN_OUTSTANDING = "LOAN_OUTSTANDING";

    private LoanRepaidCertificatePolicy() {
    }

    /** @param requestedFor what the certificate is for, e.g. the city that will lend next */
    public static CertificateDecision decide(PersonalAccount account, String applicantName, CenterCode issuingCenter,
                                             String issuingCenterName, String requestedFor, String certificateNumber,
                                             String handler, String handlerPhone, LocalDate today) {
        Objects.requireNonNull(account, "account");
        if (!ContributionUseCertificatePolicy.sameName(applicantName, account.name())) {
            return new CertificateDecision.Refused(ContributionUseCertificatePolicy.NAME_MISMATCH,
                    "申请人姓名与住房公积金账户姓名不一致，请核对后重新申请");
        }
        if (account.loans().isEmpty()) {
            return new CertificateDecision.Refused(NO_LOAN, "申请人在我中心没有住房公积金个人住房贷款记录");
        }
        if (account.loans().stream().anyMatch(loan -> !loan.isRepaid())) {
            return new CertificateDecision.Refused(LOAN_OUTSTANDING, "申请人在我中心的住房公积金贷款尚未全部还清，不能出具还清证明");
        }
        Optional<LoanRecord> latest = account.loans().stream().max(Comparator.comparing(LoanRecord::repaidOn));
        LoanRecord loan = latest.orElseThrow();
        return new CertificateDecision.LoanRepaidIssued(new LoanRepaidCertificate(certificateNumber, issuingCenter,
                issuingCenterName, account.name().strip(), account.identityNumber(), loan.contractNumber(),
                loan.principal(), loan.grantedOn(), loan.termMonths(), loan.repaidOn(), requestedFor, today, handler,
                handlerPhone, LoanRepaidCertificate.DECLARATION));
    }
}
