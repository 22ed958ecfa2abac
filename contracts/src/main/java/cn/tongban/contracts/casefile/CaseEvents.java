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

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            kind(ProxyCertificateRequested.TYPE, ProxyCertificateRequested.class, CaseState.SUBMITTED),
            kind(CaseDelivered.TYPE, CaseDelivered.class, CaseState.DELIVERED),
            kind(CaseAccepted.TYPE, CaseAccepted.class, CaseState.ACCEPTED),
            kind(CaseRejected.TYPE, CaseRejected.class, CaseState.REJECTED),
            kind(ContributionUseCertificateIssued.TYPE, ContributionUseCertificateIssued.class, CaseState.RESULT_SENT),
            kind(LoanRepaidCertificateIssued.TYPE, LoanRepaidCertificateIssued.class, CaseState.RESULT_SENT),
            kind(CertificateHandedOver.TYPE, CertificateHandedOver.class, CaseState.COMPLETED),
            kind(ItemRequested.TYPE, ItemRequested.class, CaseState.SUBMITTED),
            kind(ItemResultSent.TYPE, ItemResultSent.class, CaseState.RESULT_SENT),
            kind(ItemCompleted.TYPE, ItemCompleted.class, CaseState.COMPLETED),
            kind(CaseSupplementRequested.TYPE, CaseSupplementRequested.class, CaseState.AWAITING_SUPPLEMENT),
            kind(CaseSupplemented.TYPE, CaseSupplemented.class, CaseState.SUPPLEMENTED),
            kind(CaseExtensionRequested.TYPE, CaseExtensionRequested.class, CaseState.EXTENSION_REQUESTED),
            kind(CaseExtensionAgreed.TYPE, CaseExtensionAgreed.class, CaseState.EXTENSION_AGREED),
            kind(CaseExtensionDeclined.TYPE, CaseExtensionDeclined.class, CaseState.EXTENSION_DECLINED),
            // account transfer between centers (异地转移接续), docs/adr/0014
            kind(TransferApplied.TYPE, TransferApplied.class, CaseState.SUBMITTED),
            kind(TransferCancelled.TYPE, TransferCancelled.class, CaseState.WITHDRAWN),
            kind(TransferredOut.TYPE, TransferredOut.class, CaseState.RESULT_SENT),
            kind(TransferCredited.TYPE, TransferCredited.class, CaseState.COMPLETED),
            // information co-investigation (信息协查)
            kind(CoinvestigationRequested.TYPE, CoinvestigationRequested.class, CaseState.SUBMITTED),
            kind(CoinvestigationAnswered.TYPE, CoinvestigationAnswered.class, CaseState.RESULT_SENT),
            kind(CoinvestigationClosed.TYPE, CoinvestigationClosed.class, CaseState.COMPLETED));

    private static Map.Entry<String, Kind> kind(EventType type, Class<? extends CaseEvent> payload, CaseState moves) {
        return Map.entry(type.toString(), new Kind(payload, moves));
    }

    private CaseEvents() {
    }

    public static Optional<Kind> kindOf(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    public static Optional<Kind> kindOf(EventType type) {
        return kindOf(type.toString());
    }
}
