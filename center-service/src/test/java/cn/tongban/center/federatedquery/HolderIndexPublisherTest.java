package cn.tongban.center.federatedquery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.IndexEntry;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * The center's holder index publication: the first sweep publishes every holder (in events of at most the batch
 * size), later sweeps only what changed, and never an identity number.
 */
class HolderIndexPublisherTest {

    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final String BATCHES = HolderIndexPublisher.BATCHES;

    EmbeddedMongo mongo;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    AccountStore accounts;
    HolderIndexPublisher publisher;
    IdentityHasher hasher = IdentityHasher.dev("federation");
    AtomicLong serial = new AtomicLong();
    EventCodec codec = new EventCodec(JsonMapper.builder().build());

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo("holder_index_publisher_test");
        accounts = new AccountStore(mongo.template());
        OutboxPublisher idle = new OutboxPublisher(mongo.template(), null, null, new MessagingProperties.Outbox(true,
                List.of(BATCHES), Duration.ofSeconds(1), 100, Duration.ofSeconds(30), Duration.ofSeconds(5)), clock,
                new SimpleMeterRegistry());
        publisher = new HolderIndexPublisher(hasher, new AccountsOfPerson(accounts, mongo.template()),
                () -> CaseId.of(SHANGHAI, LocalDate.of(2026, 11, 25), serial.incrementAndGet()),
                new CenterProperties(SHANGHAI, "上海市公积金管理中心", "12329", List.of(SHANGHAI), null),
                new OutboxWriter(mongo.template(), idle), new OutgoingEvents(codec, "/centers/310000", clock),
                mongo.template(), clock, 1_000);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    static IdentityNumber person(int n) {
        String born = LocalDate.of(1960, 1, 1).plusDays(n / 1000).toString().replace("-", "");
        String first17 = "310104" + born + "%03d".formatted(n % 1000);
        return IdentityNumber.of(first17 + IdentityNumber.checkCharacter(first17));
    }

    static PersonalAccount account(int n, IdentityNumber who, AccountState state) {
        return new PersonalAccount("GR%09d".formatted(n), who, "某人", "DW0001", "上海示例有限公司", LocalDate.of(2020, 1, 1),
                state, Money.parse("10000.00"), new BigDecimal("7"), new BigDecimal("7"), Money.parse("1000.00"),
                List.of(), List.of());
    }

    /** The events in the outboxes of the published batches, in order of their serial number. */
    List<AccountIndexPublished> published() {
        List<AccountIndexPublished> events = new ArrayList<>();
        for (Document batch : mongo.template().find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
                Document.class, BATCHES)) {
            for (Document event : batch.getList(OutboxEvent.FIELD, Document.class)) {
                assertThat(event.getString("type")).isEqualTo(AccountIndexPublished.TYPE.toString());
                assertThat(event.getString("topic")).isEqualTo("tongban.relay.inbound");
                events.add(codec.fromJson(event.getString("data").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        AccountIndexPublished.class));
            }
        }
        return events;
    }

    @Test
    void theFirstSweepPublishesEveryHolderWithAnOpenAccountInEventsOfAThousand() {
        List<PersonalAccount> all = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            all.add(account(i, person(i), AccountState.NORMAL));
        }
        // one person with a closed account only: not a holder; one with a closed and an open one: a holder
        all.add(account(9_001, person(9_001), AccountState.TRANSFERRED_OUT));
        all.add(account(9_002, person(9_002), AccountState.WITHDRAWN_CLOSED));
        all.add(account(9_003, person(9_002), AccountState.SEALED));
        accounts.insertAccounts(all);

        HolderIndexPublisher.Sweep sweep = publisher.sweep();

        assertThat(sweep.people()).isEqualTo(2_502);
        assertThat(sweep.linesPublished()).isEqualTo(2_501);
        assertThat(sweep.events()).isEqualTo(3);
        List<AccountIndexPublished> events = published();
        assertThat(events).extracting(e -> e.entries().size()).containsExactly(1_000, 1_000, 501);
        assertThat(events).allSatisfy(e -> assertThat(e.center()).isEqualTo(SHANGHAI));
        List<IndexEntry> lines = events.stream().flatMap(e -> e.entries().stream()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.holds()).isTrue());
        assertThat(lines).extracting(IndexEntry::person).contains(hasher.hash(person(9_002)))
                .doesNotContain(hasher.hash(person(9_001)));
        String stored = mongo.template().find(new Query(), Document.class, BATCHES).toString();
        assertThat(stored).doesNotContain(person(17).value());
    }

    @Test
    void aSecondSweepPublishesNothingAndAClosedAccountIsPublishedAsNoLongerHeld() {
        accounts.insertAccounts(List.of(account(1, person(1), AccountState.NORMAL), account(2, person(2), AccountState.NORMAL)));
        publisher.sweep();

        assertThat(publisher.sweep().linesPublished()).isZero();

        mongo.template().updateFirst(Query.query(Criteria.where("_id").is("GR000000002")),
                new Update().set("state", AccountState.WITHDRAWN_CLOSED.name()), AccountStore.ACCOUNTS);
        clock.advance(Duration.ofHours(1));
        HolderIndexPublisher.Sweep afterClosing = publisher.sweep();

        assertThat(afterClosing.linesPublished()).isEqualTo(1);
        List<AccountIndexPublished> events = published();
        IndexEntry line = events.get(events.size() - 1).entries().get(0);
        assertThat(line.person()).isEqualTo(hasher.hash(person(2)));
        assertThat(line.holds()).isFalse();
        assertThat(line.asOf()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
    }

    @Test
    void aHashThisCenterPublishedLeadsBackToThePersonAndAnyOtherToNobody() {
        accounts.insertAccounts(List.of(account(1, person(1), AccountState.NORMAL)));
        publisher.sweep();

        assertThat(publisher.personOf(hasher.hash(person(1)))).contains(person(1));
        assertThat(publisher.personOf(hasher.hash(person(2)))).isEmpty();
    }

    @Test
    void refreshPublishesOnePersonAtOnceOnlyWhenTheirHoldingChanged() {
        assertThat(publisher.refresh(person(1))).as("no account, never published").isFalse();

        accounts.insertAccounts(List.of(account(1, person(1), AccountState.NORMAL)));

        assertThat(publisher.refresh(person(1))).isTrue();
        assertThat(publisher.refresh(person(1))).isFalse();
        assertThat(published()).hasSize(1);
    }
}
