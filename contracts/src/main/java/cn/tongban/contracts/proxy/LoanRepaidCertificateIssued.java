package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The lending center issued the loan-fully-repaid certificate asked for by proxy (item 07). */
public record LoanRepaidCertificateIssued(CaseId caseId, ServiceItem item, CenterCode handlingCenter,
                                          LoanRepaidCertificate certificate, Instant issuedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("proxy", "loan-repaid-certificate-issued", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
