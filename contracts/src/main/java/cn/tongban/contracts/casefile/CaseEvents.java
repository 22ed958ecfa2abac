package cn.tongban.contracts.casefile;

import cn.tongban.contracts.coinvestigation.CoinvestigationAnswered;
import cn.tongban.contracts.coinvestigation.CoinvestigationClosed;
import cn.tongban.contracts.coinvestigation.CoinvestigationRequested;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import cn.tongban.contracts.item.ItemCompleted;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.contracts.item.ItemResultSent;
import cn.tongban.contracts.proxy.CertificateHandedOver;
import cn.tongban.contracts.proxy.ContributionUseCertificateIssued;
import cn.tongban.contracts.proxy.LoanRepaidCertificateIssued;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
import cn.tongban.contracts.transfer.TransferApplied;
import cn.tongban.contracts.transfer.TransferCancelled;
import cn.tongban.contracts.transfer.TransferCredited;
import cn.tongban.contracts.transfer.TransferredOut;
import java.util.Map;
import java.util.Optional;

/**
 * Which event type moves a case into which state, and which Java type carries its data. The platform
 * tracks cases by this table; a new event type is added here and nowhere else.
 */
public final class CaseEvents {

    /** A type's payload class and the state it moves a case into. */
    public record Kind(Class<? extends CaseEvent> payload, CaseState moves) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            ProxyCertificateRequested.TYPE.toString(), new Kind(ProxyCertificateRequested.class, CaseState.SUBMITTED),
            CaseDelivered.TYPE.toString(), new Kind(CaseDelivered.class, CaseState.DELIVERED),
            CaseAccepted.TYPE.toString(), new Kind(CaseAccepted.class, CaseState.ACCEPTED),
            CaseRejected.TYPE.toString(), new Kind(CaseRejected.class, CaseState.REJECTED),
            ContributionUseCertificateIssued.TYPE.toString(), new Kind(ContributionUseCertificateIssued.class, CaseState.RESULT_SENT),
            LoanRepaidCertificateIssued.TYPE.toString(), new Kind(LoanRepaidCertificateIssued.class, CaseState.RESULT_SENT),
            CertificateHandedOver.TYPE.toString(), new Kind(CertificateHandedOver.class, CaseState.COMPLETED),
            ItemRequested.TYPE.toString(), new Kind(ItemRequested.class, CaseState.SUBMITTED),
            ItemResultSent.TYPE.toString(), new Kind(ItemResultSent.class, CaseState.RESULT_SENT),
            ItemCompleted.TYPE.toString(), new Kind(ItemCompleted.class, CaseState.COMPLETED));

    /** Account transfer between centers (异地转移接续) and information co-investigation (信息协查), docs/adr/0014. */
    private static final Map<String, Kind> TRANSFER = Map.of(
            TransferApplied.TYPE.toString(), new Kind(TransferApplied.class, CaseState.SUBMITTED),
            TransferCancelled.TYPE.toString(), new Kind(TransferCancelled.class, CaseState.WITHDRAWN),
            TransferredOut.TYPE.toString(), new Kind(TransferredOut.class, CaseState.RESULT_SENT),
            TransferCredited.TYPE.toString(), new Kind(TransferCredited.class, CaseState.COMPLETED),
            // information co-investigation (信息协查)
            CoinvestigationRequested.TYPE.toString(), new Kind(CoinvestigationRequested.class, CaseState.SUBMITTED),
            CoinvestigationAnswered.TYPE.toString(), new Kind(CoinvestigationAnswered.class, CaseState.RESULT_SENT),
            CoinvestigationClosed.TYPE.toString(), new Kind(CoinvestigationClosed.class, CaseState.COMPLETED));

    private CaseEvents() {
    }

    public static Optional<Kind> kindOf(String type) {
        return Optional.ofNullable(KINDS.get(type)).or(() -> Optional.ofNullable(TRANSFER.get(type)));
    }

    public static Optional<Kind> kindOf(EventType type) {
        return kindOf(type.toString());
    }
}
