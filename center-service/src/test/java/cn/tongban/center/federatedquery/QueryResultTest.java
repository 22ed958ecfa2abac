package cn.tongban.center.federatedquery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.federatedquery.QueryResult.CenterStatus;
import cn.tongban.center.federatedquery.QueryResult.State;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.federatedquery.AccountSummary;
import cn.tongban.contracts.federatedquery.IdentityHash;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the person sees: pending while someone may still answer, complete when all did or time ran out. */
class QueryResultTest {

    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode GUANGZHOU = CenterCode.of("440100");
    static final Instant ASKED = Instant.parse("2026-11-25T06:30:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final AccountSummary SEALED = new AccountSummary("02", "封存", Money.parse("69120.00"), YearMonth.of(2025, 8), false);

    static FederatedQuery query(Instant routedAt, List<CenterCode> asked, List<CenterCode> suspended,
                                FederatedQuery.Answer... answers) {
        return new FederatedQuery("310000-20261125-000042", IdentityHash.of("ab".repeat(32)), "110108********9248",
                "li", false, null, ASKED, routedAt, asked, suspended, List.of(answers));
    }

    @Test
    void beforeThePlatformRoutedItTheQueryIsPending() {
        QueryResult result = QueryResult.of(query(null, List.of(), List.of()), TIMEOUT, ASKED.plusSeconds(1));

        assertThat(result.state()).isEqualTo(State.PENDING);
        assertThat(result.routed()).isFalse();
    }

    @Test
    void whenEveryAskedCenterAnsweredItIsComplete() {
        QueryResult result = QueryResult.of(query(ASKED, List.of(BEIJING, SHANGHAI), List.of(),
                new FederatedQuery.Answer(BEIJING, List.of(SEALED), ASKED.plusSeconds(1)),
                new FederatedQuery.Answer(SHANGHAI, List.of(), ASKED.plusSeconds(1))), TIMEOUT, ASKED.plusSeconds(2));

        assertThat(result.state()).isEqualTo(State.COMPLETE);
        assertThat(result.centers()).extracting(QueryResult.CenterResult::status)
                .containsExactly(CenterStatus.ANSWERED, CenterStatus.ANSWERED);
        assertThat(result.centers().get(0).accounts()).containsExactly(SEALED);
    }

    @Test
    void aCenterStillSilentWithinTheTimeLimitKeepsItPendingAndAfterItIsMarkedNoAnswer() {
        FederatedQuery query = query(ASKED, List.of(BEIJING, SHANGHAI), List.of(),
                new FederatedQuery.Answer(SHANGHAI, List.of(), ASKED.plusSeconds(1)));

        QueryResult within = QueryResult.of(query, TIMEOUT, ASKED.plusSeconds(29));
        QueryResult after = QueryResult.of(query, TIMEOUT, ASKED.plusSeconds(30));

        assertThat(within.state()).isEqualTo(State.PENDING);
        assertThat(within.centers().get(0).status()).isEqualTo(CenterStatus.WAITING);
        assertThat(after.state()).isEqualTo(State.COMPLETE);
        assertThat(after.centers().get(0).status()).isEqualTo(CenterStatus.NO_ANSWER);
        assertThat(after.deadline()).isEqualTo(ASKED.plus(TIMEOUT));
    }

    @Test
    void suspendedHoldersAreMarkedAndDoNotKeepItPending() {
        QueryResult result = QueryResult.of(query(ASKED, List.of(SHANGHAI), List.of(GUANGZHOU),
                new FederatedQuery.Answer(SHANGHAI, List.of(), ASKED)), TIMEOUT, ASKED.plusSeconds(1));

        assertThat(result.state()).isEqualTo(State.COMPLETE);
        assertThat(result.centers()).extracting(c -> c.center() + " " + c.status())
                .containsExactly("310000 ANSWERED", "440100 SUSPENDED");
    }

    @Test
    void aPersonTheFederationDoesNotKnowGetsAnEmptyCompleteAnswerAtOnce() {
        QueryResult result = QueryResult.of(query(ASKED, List.of(), List.of()), TIMEOUT, ASKED.plusMillis(300));

        assertThat(result.state()).isEqualTo(State.COMPLETE);
        assertThat(result.centers()).isEmpty();
    }
}
