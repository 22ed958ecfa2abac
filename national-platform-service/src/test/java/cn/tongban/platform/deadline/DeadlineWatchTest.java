package cn.tongban.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Deadline timers stored in the case documents: a warning on the last day and a breach after the due time,
 * each sent to both centers exactly once, whichever of several watchers fires it and across restarts.
 */
class DeadlineWatchTest {

    static final Instant DELIVERED = Instant.parse("2026-11-25T02:00:00Z");
    static final Instant WARN_AT = Instant.parse("2026-11-29T16:00:00Z");
    static final Instant DUE_AT = Instant.parse("2026-11-30T15:59:59.999Z");

    MutableClock clock = new MutableClock(DELIVERED);
    PlatformStore store;
    MongoTemplate mongo;
    OutboxWriter writer;
    OutgoingEvents events;

    @BeforeEach
    void setUp() {
        store = new PlatformStore("deadline_test", clock);
        mongo = store.mongo;
        writer = store.writer;
        events = store.events;
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private DeadlineWatch watcher() {
        return watcher(new MongoLockProvider(store.embedded.factory().getMongoDatabase().getCollection("leases")));
    }

    private DeadlineWatch watcher(LockProvider leases) {
        return new DeadlineWatch(mongo, writer, events, leases, clock, new SimpleMeterRegistry(), 50, Duration.ofMinutes(1));
    }

    /** A lease that is always granted: replicas then really race for the same timers. */
    private static final LockProvider NO_LEASE = configuration -> Optional.of(() -> { });

    private void aCase(String id, CaseState state) {
        writer.create(PlatformCaseStore.COLLECTION, new PlatformCase(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE,
                HandlingMode.PROXY, CenterCode.of("310000"), CenterCode.of("110000"), state, DELIVERED, DELIVERED,
                DUE_AT, WARN_AT, null, null, DELIVERED, List.of()), null, List.of());
    }

    private List<Document> outbox(String id) {
        return store.outbox(id);
    }

    @Test
    void nothingFiresBeforeItsTime() {
        aCase("310000-20261125-000001", CaseState.DELIVERED);
        clock.set(WARN_AT.minusSeconds(1));
        assertThat(watcher().scanOnce()).isZero();
        assertThat(outbox("310000-20261125-000001")).isEmpty();
    }

    @Test
    void bothCentersAreWarnedOnTheLastDayAndToldOfTheBreachAfterIt() {
        String id = "310000-20261125-000002";
        aCase(id, CaseState.ACCEPTED);

        clock.set(WARN_AT.plusSeconds(5));
        assertThat(watcher().scanOnce()).isEqualTo(1);
        assertThat(outbox(id)).extracting(e -> e.getString("topic") + " " + e.getString("type")).containsExactly(
                Topics.centerInbound(CenterCode.of("310000")) + " tongban.case.deadline-warned.v1",
                Topics.centerInbound(CenterCode.of("110000")) + " tongban.case.deadline-warned.v1",
                Topics.PLATFORM_EVENTS + " tongban.case.deadline-warned.v1");

        clock.set(DUE_AT.plusSeconds(1));
        assertThat(watcher().scanOnce()).isEqualTo(1);
        PlatformCase breached = mongo.findById(id, PlatformCase.class, PlatformCaseStore.COLLECTION);
        assertThat(breached.breachedAt()).isEqualTo(DUE_AT.plusSeconds(1));
        assertThat(breached.state()).as("a breach is a mark, not a state").isEqualTo(CaseState.ACCEPTED);
        assertThat(outbox(id)).hasSize(6);

        clock.advance(Duration.ofHours(1));
        assertThat(watcher().scanOnce()).as("a fresh watcher after a restart fires nothing again").isZero();
        assertThat(outbox(id)).hasSize(6);
    }

    @Test
    void aCaseThatGotItsResultInTimeIsNeitherWarnedNorBreached() {
        aCase("310000-20261125-000003", CaseState.RESULT_SENT);
        clock.set(DUE_AT.plus(Duration.ofDays(3)));
        assertThat(watcher().scanOnce()).isZero();
    }

    @Test
    void evenWithoutTheLeaseRacingWatchersFireEachTimerExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            String id = "440100-20261125-%06d".formatted(i);
            aCase(id, CaseState.DELIVERED);
            ids.add(id);
        }
        clock.set(DUE_AT.plusSeconds(1));
        List<CompletableFuture<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DeadlineWatch watch = watcher(NO_LEASE);
            rounds.add(CompletableFuture.supplyAsync(watch::scanOnce));
        }
        int fired = 0;
        for (CompletableFuture<Integer> round : rounds) {
            fired += round.get();
        }
        assertThat(fired).as("120 breaches (overdue cases are not warned any more), each fired by one watcher").isEqualTo(120);
        for (String id : ids) {
            assertThat(outbox(id)).as(id).hasSize(3);
        }
    }

    @Test
    void racingWatchersFireEachTimerExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            String id = "310000-20261125-%06d".formatted(i);
            aCase(id, CaseState.DELIVERED);
            ids.add(id);
        }
        clock.set(DUE_AT.plusSeconds(1));
        // two replicas: the lease lets one scan at a time, and a second round finds nothing left
        List<CompletableFuture<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DeadlineWatch watch = watcher();
            rounds.add(CompletableFuture.supplyAsync(watch::scanOnce));
        }
        int fired = 0;
        for (CompletableFuture<Integer> round : rounds) {
            fired += Math.max(0, round.get());
        }
        fired += Math.max(0, watcher().scanOnce());
        assertThat(fired).isEqualTo(120);
        for (String id : ids) {
            assertThat(outbox(id)).as(id).hasSize(3);
        }
    }
}
