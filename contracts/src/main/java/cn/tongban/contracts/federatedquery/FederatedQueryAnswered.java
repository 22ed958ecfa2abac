package cn.tongban.contracts.federatedquery;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A holding center answered a federated query with the person's accounts there, found by the keyed hash in its
 * own index. Addressed to the asking center ({@code tbdest}); the platform forwards it. An empty list means the
 * center no longer finds an account (its published index was behind).
 */
public record FederatedQueryAnswered(CaseId caseId, CenterCode askingCenter, CenterCode answeringCenter,
                                     List<AccountSummary> accounts, Instant answeredAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("federated-query", "answered", 1);

    public FederatedQueryAnswered {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(askingCenter, "askingCenter");
        Objects.requireNonNull(answeringCenter, "answeringCenter");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
