package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/**
 * Proxy handling (代收代办) of a certificate: the receiving center has checked the applicant's identity and
 * form at its counter and asks the home center, which holds the account, to issue. Item 02 (缴存使用证明)
 * and item 07 (贷款全部还清证明) use the same request.
 *
 * @param lendingCity what the certificate is for: the city whose fund center will lend (贷款城市), printed on it
 * @param clerk the counter clerk who received the application (受理人), by staff id
 */
public record ProxyCertificateRequested(CaseId caseId, ServiceItem item, CenterCode requestingCenter,
                                        CenterCode homeCenter, Applicant applicant, String lendingCity,
                                        String clerk, Instant requestedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("proxy", "certificate-requested", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
