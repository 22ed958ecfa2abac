package cn.tongban.platform.federatedquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.AccountSummary;
import cn.tongban.contracts.federatedquery.FederatedQueryAnswered;
import cn.tongban.contracts.federatedquery.FederatedQueryAsked;
import cn.tongban.contracts.federatedquery.FederatedQueryRouted;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.contracts.federatedquery.IndexEntry;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.platform.registry.CenterRegistry;
import cn.tongban.platform.registry.RegisteredCenter;
import cn.tongban.platform.registry.RegistryProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's part of the federated query, on its own: index, routing to active holders, answers passed back
 * once and only from a center that was asked to the center that asked.
 */
class FederatedQueryRelayTest {

    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode GUANGZHOU = CenterCode.of("440100");
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    static final IdentityHash LI = IdentityHash.of("1d".repeat(32));
    static final IdentityHash NOBODY = IdentityHash.of("ee".repeat(32));

    EmbeddedMongo mongo;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T06:30:00Z"));
    EventCodec codec = new EventCodec(JsonMapper.builder().build());
    CenterRegistry registry;
    FederatedQueryRelay relay;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo("federated_query_relay_test");
        registry = new CenterRegistry(mongo.template(), code -> { }, clock);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        registry.seed(new RegistryProperties(List.of(
                new RegistryProperties.Center(BEIJING, "北京住房公积金管理中心", "北京市", true, null),
                new RegistryProperties.Center(SHANGHAI, "上海市公积金管理中心", "上海市", true, null),
                new RegistryProperties.Center(GUANGZHOU, "广州住房公积金管理中心", "广东省", true, null))), local);
        OutboxPublisher idle = new OutboxPublisher(mongo.template(), null, null, new MessagingProperties.Outbox(true,
                List.of(RoutedQuery.COLLECTION), Duration.ofSeconds(1), 100, Duration.ofSeconds(30), Duration.ofSeconds(5)),
                clock, new SimpleMeterRegistry());
        relay = new FederatedQueryRelay(new HolderIndex(mongo.template()), registry, new OutboxWriter(mongo.template(), idle),
                new OutgoingEvents(codec, "/platform", clock), codec, mongo.template(), clock, new SimpleMeterRegistry());
        publish(BEIJING, 1, new IndexEntry(LI, true, clock.instant()));
        publish(SHANGHAI, 1, new IndexEntry(LI, true, clock.instant()));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private ReceivedEvent event(CaseEvent data, CenterCode from, CenterCode destination) {
        return new ReceivedEvent(UUID.randomUUID().toString(), data.eventType().toString(), "/centers/" + from,
                data.caseId().value(), clock.instant(), destination == null ? null : destination.value(), null, null, "sig",
                "application/json", codec.toJson(data).getBytes(StandardCharsets.UTF_8), Topics.RELAY_INBOUND, 0, 0);
    }

    private RegisteredCenter center(CenterCode code) {
        return registry.find(code).orElseThrow();
    }

    private void publish(CenterCode center, long serial, IndexEntry... entries) {
        relay.relay(event(new AccountIndexPublished(CaseId.of(center, DAY, serial), center, List.of(entries), clock.instant()),
                center, null), center(center));
    }

    private ReceivedEvent ask(CenterCode asker, long serial, IdentityHash person) {
        ReceivedEvent asked = event(new FederatedQueryAsked(CaseId.of(asker, DAY, serial), asker, person, clock.instant()),
                asker, null);
        relay.relay(asked, center(asker));
        return asked;
    }

    private List<Document> outbox(String queryId) {
        return mongo.template().findById(queryId, Document.class, RoutedQuery.COLLECTION).getList(OutboxEvent.FIELD, Document.class);
    }

    private FederatedQueryAnswered answer(CenterCode from, CaseId query, CenterCode asker) {
        return new FederatedQueryAnswered(query, asker, from, List.of(new AccountSummary("01", "正常",
                Money.parse("17280.00"), YearMonth.of(2026, 10), false)), clock.instant());
    }

    @Test
    void theQueryGoesToEveryHolderAndWhereItWentToTheAsker() {
        ask(SHANGHAI, 42, LI);

        List<Document> out = outbox("310000-20261125-000042");
        assertThat(out).extracting(e -> e.getString("type") + " → " + e.getString("topic")).containsExactly(
                "tongban.federated-query.asked.v1 → tongban.center.110000.inbound",
                "tongban.federated-query.asked.v1 → tongban.center.310000.inbound",
                "tongban.federated-query.routed.v1 → tongban.center.310000.inbound");
        FederatedQueryRouted routed = codec.fromJson(out.get(2).getString("data").getBytes(StandardCharsets.UTF_8),
                FederatedQueryRouted.class);
        assertThat(routed.askedCenters()).containsExactly(BEIJING, SHANGHAI);
        assertThat(routed.suspendedCenters()).isEmpty();
        assertThat(out.get(0).getString("origin")).isEqualTo("310000");
    }

    @Test
    void anUnknownPersonIsRoutedToNobody() {
        ask(GUANGZHOU, 7, NOBODY);

        List<Document> out = outbox("440100-20261125-000007");
        assertThat(out).hasSize(1);
        FederatedQueryRouted routed = codec.fromJson(out.get(0).getString("data").getBytes(StandardCharsets.UTF_8),
                FederatedQueryRouted.class);
        assertThat(routed.askedCenters()).isEmpty();
    }

    @Test
    void aSuspendedHolderIsSkippedAndNamed() {
        registry.suspend(BEIJING, "维护");

        ask(SHANGHAI, 43, LI);

        List<Document> out = outbox("310000-20261125-000043");
        FederatedQueryRouted routed = codec.fromJson(out.get(out.size() - 1).getString("data")
                .getBytes(StandardCharsets.UTF_8), FederatedQueryRouted.class);
        assertThat(routed.askedCenters()).containsExactly(SHANGHAI);
        assertThat(routed.suspendedCenters()).containsExactly(BEIJING);
    }

    @Test
    void theSameQueryDeliveredTwiceIsRoutedOnce() {
        ReceivedEvent asked = ask(SHANGHAI, 44, LI);

        relay.relay(asked, center(SHANGHAI));

        assertThat(outbox("310000-20261125-000044")).hasSize(3);
    }

    @Test
    void anAnswerFromAnAskedCenterGoesToTheAskerOnce() {
        ask(SHANGHAI, 45, LI);
        CaseId query = CaseId.of(SHANGHAI, DAY, 45);
        ReceivedEvent answered = event(answer(BEIJING, query, SHANGHAI), BEIJING, SHANGHAI);

        relay.relay(answered, center(BEIJING));
        relay.relay(answered, center(BEIJING));

        List<Document> out = outbox(query.value());
        assertThat(out).hasSize(4);
        assertThat(out.get(3).getString("type")).isEqualTo("tongban.federated-query.answered.v1");
        assertThat(out.get(3).getString("topic")).isEqualTo("tongban.center.310000.inbound");
        assertThat(out.get(3).getString("origin")).isEqualTo("110000");
    }

    @Test
    void answersThatDoNotFitTheQueryAreRefusedWithTheirReason() {
        ask(SHANGHAI, 46, LI);
        CaseId query = CaseId.of(SHANGHAI, DAY, 46);

        assertThatThrownBy(() -> relay.relay(event(answer(GUANGZHOU, query, SHANGHAI), GUANGZHOU, SHANGHAI),
                center(GUANGZHOU))).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo("NOT_ASKED"));
        assertThatThrownBy(() -> relay.relay(event(answer(BEIJING, query, SHANGHAI), BEIJING, GUANGZHOU),
                center(BEIJING))).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo("WRONG_DESTINATION"));
        assertThatThrownBy(() -> relay.relay(event(answer(BEIJING, query, SHANGHAI), BEIJING, SHANGHAI),
                center(SHANGHAI))).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo("FOREIGN_ANSWER"));
        CaseId neverAsked = CaseId.of(SHANGHAI, DAY, 99);
        assertThatThrownBy(() -> relay.relay(event(answer(BEIJING, neverAsked, SHANGHAI), BEIJING, SHANGHAI),
                center(BEIJING))).isInstanceOfSatisfying(MalformedEventException.class,
                e -> assertThat(e.reason()).isEqualTo("UNKNOWN_QUERY"));
        assertThat(outbox(query.value())).hasSize(3);
    }

    @Test
    void aCenterAsksAndPublishesOnlyInItsOwnName() {
        ReceivedEvent asForBeijing = event(new FederatedQueryAsked(CaseId.of(BEIJING, DAY, 1), BEIJING, LI,
                clock.instant()), SHANGHAI, null);
        assertThatThrownBy(() -> relay.relay(asForBeijing, center(SHANGHAI)))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo("FOREIGN_SENDER"));

        ReceivedEvent indexForBeijing = event(new AccountIndexPublished(CaseId.of(SHANGHAI, DAY, 2), BEIJING,
                List.of(new IndexEntry(NOBODY, true, clock.instant())), clock.instant()), SHANGHAI, null);
        assertThatThrownBy(() -> relay.relay(indexForBeijing, center(SHANGHAI)))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo("FOREIGN_SENDER"));
        assertThat(new HolderIndex(mongo.template()).holders(NOBODY)).isEmpty();
    }
}
