package cn.tongban.contracts.federatedquery;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The platform tells the asking center where it sent a federated query: the centers that hold an account of the
 * person and were asked, and those that hold one but are suspended and were skipped. Both empty when the platform
 * knows no account of the person: the answer is then complete and empty.
 */
public record FederatedQueryRouted(CaseId caseId, CenterCode askingCenter, List<CenterCode> askedCenters,
                                   List<CenterCode> suspendedCenters, Instant routedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("federated-query", "routed", 1);

    public FederatedQueryRouted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(askingCenter, "askingCenter");
        askedCenters = askedCenters == null ? List.of() : List.copyOf(askedCenters);
        suspendedCenters = suspendedCenters == null ? List.of() : List.copyOf(suspendedCenters);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
