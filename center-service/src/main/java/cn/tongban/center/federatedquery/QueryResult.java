package cn.tongban.center.federatedquery;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.federatedquery.AccountSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person sees of their federated query: {@link State#PENDING} while a holding center may still answer,
 * {@link State#COMPLETE} when every asked center answered or the time limit passed; per center, its answer or why
 * there is none. Worked out from the stored query and the clock, so no timer is needed.
 */
record QueryResult(String id, State state, String personMasked, Instant askedAt, Instant deadline,
                   boolean routed, List<CenterResult> centers) {

    enum State {
        /** Waiting for the platform or for a holding center. */
        PENDING,
        /** Every asked center answered, or the time limit passed. */
        COMPLETE
    }

    /** Why a center's line looks as it does. */
    enum CenterStatus {
        /** The center answered; its accounts are listed. */
        ANSWERED,
        /** Asked, not answered yet, still within the time limit. */
        WAITING,
        /** Asked, and did not answer within the time limit (未在时限内答复). */
        NO_ANSWER,
        /** Holds an account but is suspended from the federation: not asked. */
        SUSPENDED
    }

    record CenterResult(CenterCode center, CenterStatus status, List<AccountSummary> accounts, Instant answeredAt) {
    }

    static QueryResult of(FederatedQuery query, Duration timeout, Instant now) {
        Instant deadline = query.askedAt().plus(timeout);
        boolean late = !now.isBefore(deadline);
        List<CenterResult> centers = new ArrayList<>();
        for (CenterCode asked : query.askedCenters()) {
            Optional<FederatedQuery.Answer> answer = query.answers().stream()
                    .filter(a -> a.center().equals(asked)).findFirst();
            centers.add(answer.map(a -> new CenterResult(asked, CenterStatus.ANSWERED, a.accounts(), a.answeredAt()))
                    .orElseGet(() -> new CenterResult(asked, late ? CenterStatus.NO_ANSWER : CenterStatus.WAITING,
                            List.of(), null)));
        }
        for (CenterCode suspended : query.suspendedCenters()) {
            centers.add(new CenterResult(suspended, CenterStatus.SUSPENDED, List.of(), null));
        }
        boolean routed = query.routedAt() != null;
        boolean allAnswered = routed && centers.stream().noneMatch(c -> c.status() == CenterStatus.WAITING);
        return new QueryResult(query.id(), allAnswered || late ? State.COMPLETE : State.PENDING, query.personMasked(),
                query.askedAt(), deadline, routed, List.copyOf(centers));
    }
}
