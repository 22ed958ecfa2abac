package cn.tongban.benchmarks;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.testing.TestOutbox;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import cn.tongban.platform.deadline.DeadlineWatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * 100,000 deadlines due in the same minute, fired by two platform replicas — two {@link DeadlineWatch}
 * instances, each with its own outbox writer, racing on one store — once under the lease the platform uses
 * and once with a lease that is always granted (the replicas then really race for every timer). Measured:
 * from the end of the minute to the last breach written; checked: every case breached exactly once, with
 * exactly its three notices (both centers, the dashboards) in its outbox. Publishing those notices to Kafka
 * is the outbox publisher's work and is measured by the relay benchmark, not here.
 *
 * <pre>mvn -B -DskipTests install &amp;&amp; mvn -B -Pbench -pl benchmarks verify -Dtest=DeadlineBenchmark</pre>
 * Sizes: {@code -Dbench.deadlines=100000 -Dbench.deadlines.batch=1000 -Dbench.deadlines.scan-ms=1000}.
 */
class DeadlineBenchmark {

    static final int TIMERS = Integer.getInteger("bench.deadlines", 100_000);
    static final int BATCH = Integer.getInteger("bench.deadlines.batch", 5000);
    static final long SCAN_MS = Long.getLong("bench.deadlines.scan-ms", 1000);
    static final Instant MINUTE = Instant.parse("2026-11-30T15:59:00Z");
    static final CenterCode[] CENTERS = {CenterCode.of("110000"), CenterCode.of("310000"), CenterCode.of("440100")};

    @Test
    void aMinuteOfDeadlinesFiresExactlyOnceWithTwoReplicas() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(run("lease (ShedLock on the store, as deployed)", false));
        report.add(run("no lease (replicas race for every timer)", true));
        System.out.println();
        System.out.println("==== deadline benchmark: " + TIMERS + " timers due in one minute, 2 replicas, batch " + BATCH
                + ", scan every " + SCAN_MS + " ms ====");
        report.forEach(System.out::println);
    }

    private String run(String variant, boolean racing) throws Exception {
        try (EmbeddedMongo embedded = new EmbeddedMongo("bench_deadlines_" + (racing ? "race" : "lease"))) {
            MongoTemplate mongo = embedded.template();
            MutableClock clock = new MutableClock(MINUTE.minusSeconds(3600));
            long setUp = System.nanoTime();
            insertCases(mongo);
            double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

            LockProvider leases = racing ? configuration -> Optional.of(() -> { })
                    : new MongoLockProvider(embedded.factory().getMongoDatabase().getCollection("leases"));
            List<Replica> replicas = List.of(new Replica(mongo, clock, leases), new Replica(mongo, clock, leases));

            clock.set(MINUTE.plusSeconds(60)); // the minute is over: every timer is due
            long start = System.nanoTime();
            replicas.forEach(Replica::start);
            long breached;
            do {
                Thread.sleep(250);
                breached = mongo.count(Query.query(Criteria.where("breachedAt").ne(null)), PlatformCaseStore.COLLECTION);
            } while (breached < TIMERS && System.nanoTime() - start < Duration.ofMinutes(10).toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(3 * SCAN_MS); // more scans after the last breach: nothing may fire twice
            for (Replica replica : replicas) {
                replica.stop();
            }

            int fired = replicas.stream().mapToInt(r -> r.fired.get()).sum();
            Check check = check(mongo);
            String verdict = breached == TIMERS && fired == TIMERS && check.exactlyOnce() == TIMERS ? "OK" : "FAILED";
            return String.format(Locale.ROOT, "%-45s all %,d breached in %.1f s (%,.0f timers/s); fired by replica: %d + %d;"
                            + " cases with exactly one breach and three notices: %,d; %s (set-up %.0f s)",
                    variant, breached, seconds, breached / seconds, replicas.get(0).fired.get(), replicas.get(1).fired.get(),
                    check.exactlyOnce(), verdict, setUpSeconds);
        }
    }

    /** Cases delivered days ago, accepted, each due at its own millisecond of the same minute. */
    private static void insertCases(MongoTemplate mongo) {
        List<Document> chunk = new ArrayList<>();
        Instant delivered = MINUTE.minus(Duration.ofDays(3));
        for (int i = 0; i < TIMERS; i++) {
            CenterCode requesting = CENTERS[i % 3];
            CenterCode handling = CENTERS[(i + 1) % 3];
            Instant due = MINUTE.plusMillis(i % 60_000);
            PlatformCase c = new PlatformCase("%s-20261125-%06d".formatted(requesting.value(), i), ServiceItem.CONTRIBUTION_USE_CERTIFICATE,
                    HandlingMode.PROXY, requesting, handling, CaseState.ACCEPTED, delivered, delivered, due,
                    due.minus(Duration.ofHours(16)), null, null, delivered, List.of());
            // as the outbox writer creates an aggregate: with its revision, which every compare-and-set reads
            Document stored = new Document();
            mongo.getConverter().write(c, stored);
            stored.put(AtomicChange.REVISION, 0L);
            chunk.add(stored);
            if (chunk.size() == 5000) {
                mongo.insert(chunk, PlatformCaseStore.COLLECTION);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            mongo.insert(chunk, PlatformCaseStore.COLLECTION);
        }
    }

    private record Check(int exactlyOnce) {
    }

    private static Check check(MongoTemplate mongo) {
        Query all = new Query();
        all.fields().include(OutboxEvent.FIELD).include("history").include("breachedAt");
        int exactlyOnce = 0;
        for (Document c : mongo.find(all, Document.class, PlatformCaseStore.COLLECTION)) {
            List<Document> outbox = c.getList(OutboxEvent.FIELD, Document.class, List.of());
            Set<String> types = new HashSet<>();
            outbox.forEach(e -> types.add(e.getString("type") + " " + e.getString("topic")));
            if (c.get("breachedAt") != null && outbox.size() == 3 && types.size() == 3
                    && c.getList("history", Document.class, List.of()).size() == 1
                    && types.stream().allMatch(t -> t.startsWith("tongban.case.deadline-breached.v1 "))) {
                exactlyOnce++;
            }
        }
        return new Check(exactlyOnce);
    }

    /** One platform replica: its own outbox writer and watch, scanning every {@code SCAN_MS} as the scheduler does. */
    private static final class Replica {

        final DeadlineWatch watch;
        final AtomicInteger fired = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;

        Replica(MongoTemplate mongo, MutableClock clock, LockProvider leases) {
            OutgoingEvents events = new OutgoingEvents(new EventCodec(JsonMapper.builder().build()), "/platform", clock);
            watch = new DeadlineWatch(mongo, TestOutbox.writer(mongo, clock, "platform", PlatformCaseStore.COLLECTION), events,
                    leases, clock, new SimpleMeterRegistry(), BATCH, Duration.ofMinutes(1));
            thread = new Thread(() -> {
                while (running.get()) {
                    int n = watch.scanOnce();
                    if (n > 0) {
                        fired.addAndGet(n);
                    }
                    try {
                        Thread.sleep(SCAN_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
