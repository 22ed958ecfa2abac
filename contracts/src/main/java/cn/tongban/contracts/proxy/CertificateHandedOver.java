package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The receiving center handed the certificate to the applicant (送达申请人): the case is complete. */
public record CertificateHandedOver(CaseId caseId, ServiceItem item, CenterCode requestingCenter, String clerk,
                                    Instant handedOverAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("proxy", "certificate-handed-over", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
