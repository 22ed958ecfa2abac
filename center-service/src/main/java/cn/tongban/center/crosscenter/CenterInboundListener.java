package cn.tongban.center.crosscenter;

import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDeadlineBreached;
import cn.tongban.contracts.casefile.CaseDeadlineWarned;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseRejected;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.proxy.CertificateHandedOver;
import cn.tongban.contracts.proxy.ContributionUseCertificateIssued;
import cn.tongban.contracts.proxy.LoanRepaidCertificateIssued;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
import cn.tongban.center.PlatformKey;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.EventSignatures;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads what the platform forwards to this center ({@code tongban.center.<code>.inbound}) and hands each
 * event to the flow it belongs to. Only the platform may write there; anything else is dead-lettered.
 */
@Component
class CenterInboundListener {

    private final ProxyCertificateService proxy;
    private final CaseNotices notices;
    private final EventCodec codec;
    private final PlatformKey platform;
    private final List<InboundFlow> flows;

    private final CaseClockService caseClock;

    CenterInboundListener(ProxyCertificateService proxy, CaseNotices notices, EventCodec codec, PlatformKey platform,
                          CaseClockService caseClock, List<InboundFlow> flows) {
        this.caseClock = caseClock;
        this.flows = List.copyOf(flows);
        this.platform = platform;
        this.proxy = proxy;
        this.notices = notices;
        this.codec = codec;
    }

    @KafkaListener(id = "center-inbound", topics = "tongban.center.${tongban.center.code}.inbound")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!OutgoingEvents.isPlatform(event.source())) {
            throw new MalformedEventException("NOT_FROM_PLATFORM", "only the platform writes to a center's inbound topic, not " + event.source());
        }
        EventSignatures.require(event, platform.key(), "the platform");
        String type = event.type();
        if (CaseClockService.TYPES.contains(type)) {
            caseClock.onEvent(event); // materials, extensions and due-date changes, for every item
        } else if (type.equals(ProxyCertificateRequested.TYPE.toString())) {
            proxy.onRequested(event, codec.caseEvent(event, ProxyCertificateRequested.class));
        } else if (type.equals(CaseDelivered.TYPE.toString())) {
            CaseDelivered delivered = codec.caseEvent(event, CaseDelivered.class);
            proxy.onProgress(event, CaseState.DELIVERED, "已送达 " + delivered.handlingCenter());
        } else if (type.equals(CaseAccepted.TYPE.toString())) {
            codec.caseEvent(event, CaseAccepted.class);
            proxy.onProgress(event, CaseState.ACCEPTED, "办理地已受理");
        } else if (type.equals(ContributionUseCertificateIssued.TYPE.toString())) {
            ContributionUseCertificateIssued issued = codec.caseEvent(event, ContributionUseCertificateIssued.class);
            proxy.onProgress(event, CaseState.RESULT_SENT, "证明已出具，待交申请人", "certificate", issued.certificate());
        } else if (type.equals(LoanRepaidCertificateIssued.TYPE.toString())) {
            LoanRepaidCertificateIssued issued = codec.caseEvent(event, LoanRepaidCertificateIssued.class);
            proxy.onProgress(event, CaseState.RESULT_SENT, "还清证明已出具，待交申请人", "loanRepaidCertificate", issued.certificate());
        } else if (type.equals(CaseRejected.TYPE.toString())) {
            CaseRejected rejected = codec.caseEvent(event, CaseRejected.class);
            proxy.onProgress(event, CaseState.REJECTED, rejected.reasonCode() + ": " + rejected.reason(),
                    "rejection", new Rejection(rejected.reasonCode(), rejected.reason()));
        } else if (type.equals(CertificateHandedOver.TYPE.toString())) {
            codec.caseEvent(event, CertificateHandedOver.class);
            proxy.onHandedOver(event);
        } else if (type.equals(CaseDeadlineWarned.TYPE.toString())) {
            CaseDeadlineWarned warning = codec.caseEvent(event, CaseDeadlineWarned.class);
            notices.onNotice(event, "今日到期，请及时办理", "dueAt", warning.dueAt());
        } else if (type.equals(CaseDeadlineBreached.TYPE.toString())) {
            CaseDeadlineBreached breach = codec.caseEvent(event, CaseDeadlineBreached.class);
            notices.onNotice(event, "已超过办理时限", "dueAt", breach.dueAt(), "breachedAt", breach.breachedAt());
        } else {
            InboundFlow flow = flows.stream().filter(f -> f.handles(type)).findFirst()
                    .orElseThrow(() -> new MalformedEventException("UNKNOWN_TYPE", "this center does not handle " + type));
            flow.on(event);
        }
    }
}
