package cn.tongban.center.crosscenter;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.MaterialReference;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param supplements every request for missing materials (补正) and what was supplied, the open one last
 * @param extensions every extension negotiation (延期), the open one last
 */
public record CenterCase(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                         CenterCode handlingCenter, Applicant applicant, String lendingCity, String clerk,
                         CaseState state, Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history,
                         ContributionUseCertificate certificate, LoanRepaidCertificate loanRepaidCertificate,
                         Rejection rejection, Instant dueAt,
                         Instant breachedAt, List<SupplementRequest> supplements, List<ExtensionRequest> extensions) {

    public CenterCase {
        history = history == null ? List.of() : List.copyOf(history);
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A case without requests for materials or extensions (yet). */
    public CenterCase(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                      CenterCode handlingCenter, Applicant applicant, String lendingCity, String clerk,
                      CaseState state, Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history,
                      ContributionUseCertificate certificate, LoanRepaidCertificate loanRepaidCertificate,
                      Rejection rejection, Instant dueAt, Instant breachedAt) {
        this(id, item, mode, side, requestingCenter, handlingCenter, applicant, lendingCity, clerk, state, openedAt,
                updatedAt, history, certificate, loanRepaidCertificate, rejection, dueAt, breachedAt, List.of(), List.of());
    }

    /**
     * A request for missing materials (补正) and, once they came, what was supplied.
     *
     * @param requestedBy the staff member, or the handling center's code when it came from there
     * @param materials references to the scans supplied; empty until then
     */
    public record SupplementRequest(List<String> missing, String note, Instant requestedAt, String requestedBy,
                                    List<MaterialReference> materials, Instant suppliedAt, String suppliedBy) {

        public SupplementRequest {
            missing = List.copyOf(missing);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        SupplementRequest supplied(List<MaterialReference> with, Instant at, String by) {
            return new SupplementRequest(missing, note, requestedAt, requestedBy, with, at, by);
        }
    }

    /**
     * An extension negotiation (延期协商): asked for by the handling center, answered by the requesting center.
     *
     * @param agreed null until answered
     */
    public record ExtensionRequest(int number, int workingDays, String reason, Instant requestedAt, String requestedBy,
                                   Boolean agreed, String answer, Instant answeredAt, String answeredBy) {

        ExtensionRequest answered(boolean yes, String why, Instant at, String by) {
            return new ExtensionRequest(number, workingDays, reason, requestedAt, requestedBy, yes, why, at, by);
        }
    }

    /** The request for materials still waiting for them, if any. */
    public Optional<SupplementRequest> openSupplement() {
        return supplements.isEmpty() || supplements.get(supplements.size() - 1).suppliedAt() != null
                ? Optional.empty() : Optional.of(supplements.get(supplements.size() - 1));
    }

    /** The extension request still waiting for an answer, if any. */
    public Optional<ExtensionRequest> openExtension() {
        return extensions.isEmpty() || extensions.get(extensions.size() - 1).agreed() != null
                ? Optional.empty() : Optional.of(extensions.get(extensions.size() - 1));
    }

    /** The other center of the case. */
    public CenterCode counterpart() {
        return side == CaseSide.REQUESTING ? handlingCenter : requestingCenter;
    }
}
