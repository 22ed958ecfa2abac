package cn.tongban.center.crosscenter;

import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.time.Instant;
import java.util.List;

/** A case as the REST API shows it; the applicant's identity number is masked outside the certificate. */
public record CaseView(String id, String item, String itemName, String mode, String side, String requestingCenter,
                       String handlingCenter, String applicantName, String applicantIdentityNumber, String lendingCity,
                       CaseState state, Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history,
                       ContributionUseCertificate certificate, LoanRepaidCertificate loanRepaidCertificate,
                       Rejection rejection, Instant dueAt,
                       Instant breachedAt, List<CenterCase.SupplementRequest> supplements,
                       List<CenterCase.ExtensionRequest> extensions) {

    static CaseView of(CenterCase c) {
        return new CaseView(c.id(), c.item().code(), c.item().chineseName(), c.mode().name(), c.side().name(),
                c.requestingCenter().value(), c.handlingCenter().value(),
                // a case about an employer (a co-investigation) has no applicant
                c.applicant() == null ? null : c.applicant().name(),
                c.applicant() == null ? null : c.applicant().identityNumber().masked(), c.lendingCity(), c.state(), c.openedAt(), c.updatedAt(),
                c.history(), c.certificate(), c.loanRepaidCertificate(), c.rejection(), c.dueAt(), c.breachedAt(),
                c.supplements(), c.extensions());
    }
}
