package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Drains the outboxes of the configured collections to Kafka. An event is marked sent only after the
 * broker acknowledged it; one that failed stays pending and is tried again on the next round, so delivery
 * is at least once and consumers drop the copies by event id. Events of one aggregate leave in the order
 * they were written, keyed by their subject (the case id), so one case keeps its order on its partition.
 */
public class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final String STATUS = OutboxEvent.FIELD + ".status";

    private final MongoOperations mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventSignatures signatures;
    private final MessagingProperties.Outbox properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final java.util.concurrent.ConcurrentLinkedQueue<Written> written = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private final Counter sent;
    private final Counter failed;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxPublisher(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka, EventSignatures signatures,
                           MessagingProperties.Outbox properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.signatures = signatures;
        this.properties = properties;
        this.clock = clock;
        this.sent = Counter.builder("tongban.outbox.sent").description("outbox events acknowledged by the broker").register(meters);
        this.failed = Counter.builder("tongban.outbox.failed").description("outbox sends that failed and stay pending").register(meters);
        meters.gauge("tongban.outbox.backlog", backlog);
        for (String collection : properties.collections()) {
            mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index().on(STATUS,
                    org.springframework.data.domain.Sort.Direction.ASC).named("outbox_status"));
            OutboxWriter.indexRevisions(mongo, collection);
        }
    }

    /** Asks for a round now instead of at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Tells the publisher which document just got events: the next round reads it by {@code _id} instead of
     * searching every document for pending events, which keeps the cost per event flat however many
     * aggregates there are. The search still runs every {@code full-scan-interval} as the safety net (events
     * written by another replica, or left behind by a crash).
     */
    public void wakeUp(String collection, Object id) {
        written.add(new Written(collection, id));
        wakeUp();
    }

    /** The documents named by the writers since the last round, at most a batch of them. */
    int drainWritten() {
        Map<String, java.util.LinkedHashSet<Object>> byCollection = new java.util.LinkedHashMap<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Written next = written.poll();
            if (next == null) {
                break;
            }
            byCollection.computeIfAbsent(next.collection(), c -> new java.util.LinkedHashSet<>()).add(next.id());
        }
        int acknowledged = 0;
        for (var entry : byCollection.entrySet()) {
            List<InFlight> inFlight = new ArrayList<>();
            // one read for all of them, still by _id
            Query byIds = Query.query(Criteria.where("_id").in(entry.getValue()));
            byIds.fields().include(OutboxEvent.FIELD);
            for (Document document : mongo.find(byIds, Document.class, entry.getKey())) {
                sendPending(document, inFlight);
            }
            acknowledged += settle(entry.getKey(), inFlight);
        }
        return acknowledged;
    }

    private void sendPending(Document document, List<InFlight> inFlight) {
        for (Document event : document.getList(OutboxEvent.FIELD, Document.class)) {
            if (OutboxStatus.PENDING.name().equals(event.getString("status"))) {
                inFlight.add(new InFlight(document.get("_id"), event.getString("eventId"), send(event)));
            }
        }
    }

    /**
     * One round over every outbox: sends what is pending, waits for the acknowledgements, marks them.
     *
     * @return how many events were acknowledged
     */
    public int drainOnce() {
        int acknowledged = 0;
        long pendingSeen = 0;
        for (String collection : properties.collections()) {
            Query pending = Query.query(Criteria.where(STATUS).is(OutboxStatus.PENDING.name()))
                    .limit(properties.batchSize());
            pending.fields().include(OutboxEvent.FIELD);
            List<Document> documents = mongo.find(pending, Document.class, collection);
            List<InFlight> inFlight = new ArrayList<>();
            for (Document document : documents) {
                sendPending(document, inFlight);
            }
            pendingSeen += inFlight.size();
            acknowledged += settle(collection, inFlight);
        }
        backlog.set(pendingSeen - acknowledged);
        return acknowledged;
    }

    private CompletableFuture<?> send(Document event) {
        try {
            return kafka.send(toRecord(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The Kafka record of a stored outbox event, signed. Signed from the stored values (time as stored, to the
     * millisecond), which are exactly what the receiver will read back.
     */
    ProducerRecord<String, byte[]> toRecord(Document event) {
        Instant time = event.getDate("time").toInstant();
        byte[] data = event.getString("data").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CanonicalForm canonical = CanonicalForm.of(Envelope.SPEC_VERSION, event.getString("eventId"),
                event.getString("source"), event.getString("type"), event.getString("subject"), time,
                Envelope.CONTENT_TYPE, event.getString("destination"), event.getString("origin"), data);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getString("eventId"))
                .withSource(URI.create(event.getString("source")))
                .withType(event.getString("type"))
                .withSubject(event.getString("subject"))
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(Envelope.CONTENT_TYPE)
                .withData(data);
        extension(builder, Envelope.EXT_DESTINATION, event.getString("destination"));
        extension(builder, Envelope.EXT_ORIGIN, event.getString("origin"));
        extension(builder, Envelope.EXT_TRACEPARENT, event.getString("traceparent"));
        extension(builder, Envelope.EXT_SIGNATURE, signatures.sign(canonical));
        CloudEvent cloudEvent = builder.build();
        return KafkaMessageFactory.createWriter(event.getString("topic"), null, null, event.getString("subject"))
                .writeBinary(cloudEvent);
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private int settle(String collection, List<InFlight> inFlight) {
        if (inFlight.isEmpty()) {
            return 0;
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int acknowledged = 0;
        long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
        for (InFlight flight : inFlight) {
            // by _id alone (the event picked by an array filter), so the write finds the document by its index
            Query thisDocument = Query.query(Criteria.where("_id").is(flight.aggregateId()));
            Criteria thisEvent = Criteria.where("e.eventId").is(flight.eventId());
            try {
                flight.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                marks.updateOne(thisDocument, new Update()
                        .set(OutboxEvent.FIELD + ".$[e].status", OutboxStatus.SENT.name())
                        .set(OutboxEvent.FIELD + ".$[e].sentAt", Date.from(clock.instant()))
                        .filterArray(thisEvent));
                acknowledged++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String reason = DeadLetters.rootCause(e).toString();
                log.warn("outbox event {} of {} not acknowledged, stays pending: {}", flight.eventId(), flight.aggregateId(), reason);
                marks.updateOne(thisDocument, new Update()
                        .inc(OutboxEvent.FIELD + ".$[e].attempts", 1)
                        .set(OutboxEvent.FIELD + ".$[e].lastError", reason)
                        .filterArray(thisEvent));
                failed.increment();
            }
        }
        marks.execute();
        sent.increment(acknowledged);
        return acknowledged;
    }

    private void loop() {
        Duration poll = properties.pollInterval();
        long nextFullScan = 0;
        while (running) {
            try {
                int done;
                if (System.nanoTime() - nextFullScan >= 0) {
                    written.clear();
                    done = drainOnce();
                    nextFullScan = System.nanoTime() + properties.fullScanInterval().toNanos();
                } else {
                    done = drainWritten();
                }
                if (written.isEmpty() && (done == 0 || done < properties.batchSize())) {
                    wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox round failed, trying again in {}: {}", poll, e.toString());
                sleep(poll);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the consumers and the web server are up; stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private record InFlight(Object aggregateId, String eventId, CompletableFuture<?> ack) {
    }

    private record Written(String collection, Object id) {
    }
}
