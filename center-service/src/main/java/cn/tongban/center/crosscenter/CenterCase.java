package cn.tongban.center.crosscenter;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.time.Instant;
import java.util.List;

/**
 * A cross-center case as this center keeps it (跨省通办业务): the same case id and lifecycle as at the
 * platform and at the other center, seen from this center's side.
 *
 * @param id the case id (see {@link cn.tongban.contracts.CaseId})
 * @param certificate the contribution-and-use certificate data (item 02), once issued
 * @param loanRepaidCertificate the loan-fully-repaid certificate data (item 07), once issued
 * @param rejection why it was refused, if it was
 * @param dueAt when the platform's clock says the handling center must have answered, once it warned
 * @param breachedAt when the platform marked the case overdue, if it did
 */
public record CenterCase(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                         CenterCode handlingCenter, Applicant applicant, String lendingCity, String clerk,
                         CaseState state, Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history,
                         ContributionUseCertificate certificate, LoanRepaidCertificate loanRepaidCertificate,
                         Rejection rejection, Instant dueAt,
                         Instant breachedAt) {

    public CenterCase {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The other center of the case. */
    public CenterCode counterpart() {
        return side == CaseSide.REQUESTING ? handlingCenter : requestingCenter;
    }
}
