package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The home center issued the contribution-and-use certificate asked for by proxy. */
public record ContributionUseCertificateIssued(CaseId caseId, ServiceItem item, CenterCode handlingCenter,
                                               ContributionUseCertificate certificate, Instant issuedAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("proxy", "certificate-issued", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
