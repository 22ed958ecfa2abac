package cn.tongban.platform.deadline;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.casefile.CaseDeadlineBreached;
import cn.tongban.contracts.casefile.CaseDeadlineWarned;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import java.util.function.Function;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Fires the deadline timers of cases: the warning on the last day and the breach after the due time,
 * each sent to both centers. The timers are the indexed {@code warnAt}/{@code dueAt} fields of the case
 * documents, so they survive restarts; firing one is a conditional single-document update ({@code warnedAt}
 * or {@code breachedAt} still absent, clock still running) that writes the notifications into the case's
 * outbox in the same step, so a timer fires exactly once however many replicas race for it. The lease
 * only keeps replicas from doing the same scan twice.
 */
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String LEASE = "deadline-watch";
    private static final String BREACHED = "breachedAt";
    private static final String WARNED = "warnedAt";

    private final MongoOperations mongo;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final LockProvider leases;
    private final Clock clock;
    private final int batchSize;
    private final Duration leaseFor;
    private final Counter warned;
    private final Counter breached;

    public DeadlineWatch(MongoOperations mongo, OutboxWriter writer, OutgoingEvents events, LockProvider leases,
                         Clock clock, MeterRegistry meters, int batchSize, Duration leaseFor) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.leases = leases;
        this.clock = clock;
        this.batchSize = batchSize;
        this.leaseFor = leaseFor;
        this.warned = Counter.builder("tongban.deadline.warned").description("cases warned on their last day").register(meters);
        this.breached = Counter.builder("tongban.deadline.breached").description("cases marked overdue").register(meters);
    }

    /**
     * One scan, if this replica gets the lease: every breach due, then every warning due.
     *
     * @return the timers fired, or -1 when another replica holds the lease
     */
    public int scanOnce() {
        // the lease runs on wall-clock time, as the lock provider does; the business clock decides what is due
        var lease = leases.lock(new LockConfiguration(Instant.now(), LEASE, leaseFor, Duration.ZERO));
        if (lease.isEmpty()) {
            return -1;
        }
        try {
            // breaches first: an overdue case is not warned any more
            return fireAll(BREACHED, "dueAt", this::breach) + fireAll(WARNED, "warnAt", this::warn);
        } finally {
            lease.ifPresent(SimpleLock::unlock);
        }
    }

    private int fireAll(String firedField, String dueField, Function<PlatformCase, AtomicChange> fire) {
        int fired = 0;
        while (true) {
            Criteria criteria = Criteria.where("state").in(PlatformCase.CLOCK_RUNNING.stream().map(Enum::name).toList())
                    .and(firedField).is(null)
                    .and(dueField).lte(clock.instant());
            if (!firedField.equals(BREACHED)) {
                criteria.and(BREACHED).is(null);
            }
            // no sort: every timer due is fired in this scan anyway, and sorting all that is due to take the
            // first batch would cost more than the firing when a whole minute falls due at once
            Query due = Query.query(criteria).limit(batchSize);
            due.fields().exclude(OutboxEvent.FIELD).exclude("history"); // not needed to fire, and the bulk of a case
            // read as documents (with their revision), so that the batch is written without reading it again:
            // one query and one bulk of conditional single-document writes per batch, not two round trips per timer
            Map<Object, Document> read = new LinkedHashMap<>();
            mongo.find(due, Document.class, PlatformCaseStore.COLLECTION).forEach(d -> read.put(d.get("_id"), d));
            List<PlatformCase> batch = read.values().stream()
                    .map(d -> mongo.getConverter().read(PlatformCase.class, d)).toList();
            int firedNow = writer.applyAll(PlatformCaseStore.COLLECTION, read, batch.stream().map(fire).toList());
            fired += firedNow;
            if (firedNow > 0) {
                (firedField.equals(BREACHED) ? breached : warned).increment(firedNow);
                log.info("{} {} fired ({} due cases read)", firedNow, firedField.equals(BREACHED) ? "breaches" : "warnings",
                        batch.size());
            }
            if (batch.size() < batchSize) {
                return fired;
            }
        }
    }

    private AtomicChange breach(PlatformCase c) {
        Instant now = clock.instant();
        return fire(c, BREACHED, now, new CaseDeadlineBreached(CaseId.of(c.id()), c.item(), c.requestingCenter(),
                c.handlingCenter(), c.dueAt(), now));
    }

    private AtomicChange warn(PlatformCase c) {
        Instant now = clock.instant();
        return fire(c, WARNED, now, new CaseDeadlineWarned(CaseId.of(c.id()), c.item(), c.requestingCenter(),
                c.handlingCenter(), c.dueAt(), now));
    }

    /** The firing of one timer: a single-document change, conditional on the timer not having fired. */
    private AtomicChange fire(PlatformCase c, String firedField, Instant now, CaseEvent notice) {
        AtomicChange change = AtomicChange.of(PlatformCaseStore.COLLECTION, c.id())
                .whenIn("state", PlatformCase.CLOCK_RUNNING)
                .whenAbsent(firedField);
        if (!firedField.equals(BREACHED)) {
            change.whenAbsent(BREACHED);
        }
        change.set(firedField, now)
                .push("history", new PlatformCase.Step(now, null, notice.eventType().toString(), null, null, c.state()))
                .emit(DeadlineNotices.toBothCentersAndDashboards(events, notice, c.requestingCenter(), c.handlingCenter()));
        return change;
    }
}
