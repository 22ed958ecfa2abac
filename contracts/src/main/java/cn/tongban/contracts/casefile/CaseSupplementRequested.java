package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The handling center asked for missing materials (一次性告知补正), naming every one it misses: the case's
 * clock stops until the requesting center supplies them.
 *
 * @param missing what is missing, each named so that a clerk can tell the applicant (e.g. 购房合同扫描件)
 * @param note anything else the requesting center must know
 */
public record CaseSupplementRequested(CaseId caseId, ServiceItem item, CenterCode handlingCenter, List<String> missing,
                                      String note, Instant requestedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "supplement-requested", 1);

    public CaseSupplementRequested {
        if (missing == null || missing.isEmpty() || missing.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new IllegalArgumentException("a request for materials names what is missing");
        }
        missing = List.copyOf(missing);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
