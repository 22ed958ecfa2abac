package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.kit.crypto.Sm3;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The platform's hash-chained audit log (审计日志): {@link #append(ReceivedEvent)} records an event the platform
 * relayed. Records get gap-free sequence numbers and each one's hash covers the previous one's, so the
 * {@link AuditVerifier} finds any record that was edited, removed or moved; how concurrent replicas keep one
 * chain is explained in the {@linkplain cn.tongban.platform.audit package documentation}.
 *
 * <p>Appending is idempotent on the event id and the SM3 of its canonical bytes: the same event appended
 * again (a redelivery, also after a crash in the middle of an append) returns the record it already has; the
 * same id with other content is a new record. The relay appends a whole batch at once ({@link #appendAll}).
 */
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    static final String RECORDS = "audit_log";
    static final String HEAD = "audit_head";
    static final String HEAD_ID = "chain";

    private final MongoOperations mongo;
    private final AuditCheckpointer checkpointer;
    private final Clock clock;
    private final int attempts;
    static final String APPENDED = "audit_appended";

    public AuditLog(MongoOperations mongo, AuditCheckpointer checkpointer, Clock clock, int attempts) {
        this.mongo = mongo;
        this.checkpointer = checkpointer;
        this.clock = clock;
        this.attempts = attempts;
        mongo.indexOps(RECORDS).createIndex(new Index().on("eventId", Sort.Direction.ASC).named("event_id"));
        // appended events by "<event id>:<event SM3>" → seq: the idempotency check by _id
    }

    /** Records an event the platform relayed, as it received it. */
    public AuditRecord append(ReceivedEvent event) {
        return append(canonicalFormOf(event));
    }

    /**
     * Records a read of a document, granted or refused, in the same chain as the relayed events (see
     * {@link DocumentAccess}); each access is one record.
     */
    public AuditRecord append(DocumentAccess access) {
        return append(access.toCanonicalForm());
    }

    /**
     * Records an event given by its canonical form (the same object the relay checks the sender's signature
     * against).
     *
     * @return the record, with its sequence number and hash
     * @throws IllegalStateException if {@code appendAttempts} races in a row were lost
     */
    public AuditRecord append(CanonicalForm event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Records a batch of relayed events, in the given order, as one run of consecutive records: one read of
     * the head, one bulk write of the markers, one bulk insert of the records and one head update for the
     * whole batch instead of for each event. Idempotent per event as {@link #append(CanonicalForm)} is: events
     * appended before (a redelivered batch, or part of one) get the records they already have.
     *
     * @return the record of each event, in the order given
     * @throws IllegalStateException if {@code appendAttempts} races in a row were lost
     */
    public List<AuditRecord> appendAll(List<CanonicalForm> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, CanonicalForm> byKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(events.size());
        for (CanonicalForm event : events) {
            String key = event.id() + ":" + Sm3.hex(event.toBytes());
            keys.add(key);
            byKey.putIfAbsent(key, event);
        }
        Map<String, AuditRecord> recorded = recorded(byKey.keySet());
        List<String> pending = new ArrayList<>(byKey.keySet());
        pending.removeAll(recorded.keySet());
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            Head head = head();
            List<AuditRecord> run = new ArrayList<>(pending.size());
            long seq = head.seq();
            String prev = head.hash();
            Instant now = clock.instant();
            for (String key : pending) {
                AuditRecord record = AuditRecord.of(++seq, prev, byKey.get(key), now);
                run.add(record);
                prev = record.hash();
            }
            markAppended(run);
            int inserted = insertInOrder(run);
            if (inserted > 0) {
                AuditRecord last = run.get(inserted - 1);
                advance(head, last.seq(), last.hash());
                for (AuditRecord record : run.subList(0, inserted)) {
                    recorded.put(key(record), record);
                    checkpointer.appended(record);
                }
                pending = new ArrayList<>(pending.subList(inserted, pending.size()));
            }
            if (!pending.isEmpty()) {
                catchUp(inserted > 0 ? new Head(true, run.get(inserted - 1).seq(), run.get(inserted - 1).hash()) : head);
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("could not append " + pending.size() + " event(s) to the audit log after "
                    + attempts + " attempts, the first " + byKey.get(pending.get(0)).id());
        }
        return keys.stream().map(recorded::get).toList();
    }

    /** The canonical form of an event as received: the bytes its sender signed. */
    public static CanonicalForm canonicalFormOf(ReceivedEvent event) {
        return event.canonicalForm();
    }

    private static String key(AuditRecord record) {
        return record.eventId() + ":" + record.eventSm3();
    }

    /**
     * The records of those events that were appended, by {@code "<event id>:<event SM3>"}: the markers in
     * {@value #APPENDED} looked up by {@code _id}, then their records by {@code _id} (so that the check costs the
     * same with a million records as with ten, and works where secondary indexes do not). A marker counts only if
     * the record it points at is this event's: the marker is written before the record, so a crash or a lost
     * race between the two leaves a marker that points at nothing, or at someone else's record.
     */
    private Map<String, AuditRecord> recorded(Collection<String> keys) {
        Map<String, AuditRecord> found = new HashMap<>();
        List<Document> markers = mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, APPENDED);
        if (markers.isEmpty()) {
            return found;
        }
        Map<Object, String> keyBySeq = new HashMap<>();
        markers.forEach(marker -> keyBySeq.put(marker.get("seq"), marker.getString("_id")));
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(keyBySeq.keySet())), Document.class,
                RECORDS)) {
            AuditRecord record = fromDocument(document);
            String key = keyBySeq.get(document.get("_id"));
            if (key != null && key.equals(key(record))) {
                found.put(key, record);
            }
        }
        return found;
    }

    /**
     * Marks the events with the sequence numbers they are about to get, before their records are written: a
     * redelivery after a crash then finds the record by the marker (exactly once), or finds that the record
     * was never written and appends it (never lost).
     */
    private void markAppended(List<AuditRecord> records) {
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, APPENDED);
        for (AuditRecord record : records) {
            marks.upsert(Query.query(Criteria.where("_id").is(key(record))), new Update().set("seq", record.seq()));
        }
        marks.execute();
    }

    /**
     * Inserts consecutive records in order, stopping at the first sequence number another appender took.
     *
     * @return how many of them, from the first, are now in the log as this appender built them
     */
    private int insertInOrder(List<AuditRecord> records) {
        BulkOperations insert = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, RECORDS);
        records.forEach(record -> insert.insert(toDocument(record)));
        try {
            insert.execute();
            return records.size();
        } catch (BulkOperationException | DuplicateKeyException lost) {
            // read back what got in rather than trusting the error's count, whichever form the failure took
            Map<Object, String> stored = new HashMap<>();
            mongo.find(Query.query(Criteria.where("_id").in(records.stream().map(AuditRecord::seq).toList())),
                    Document.class, RECORDS).forEach(d -> stored.put(d.get("_id"), String.valueOf(d.get("hash"))));
            int ours = 0;
            while (ours < records.size() && records.get(ours).hash().equals(stored.get(records.get(ours).seq()))) {
                ours++;
            }
            return ours;
        }
    }

    /** The end of the chain: the head document, created from the last record if it does not exist. */
    Head head() {
        Document head = mongo.findById(HEAD_ID, Document.class, HEAD);
        if (head != null) {
            return new Head(true, ((Number) head.get("seq")).longValue(), head.getString("hash"));
        }
        Document last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
                RECORDS);
        if (last == null) {
            return new Head(false, 0, AuditRecord.GENESIS);
        }
        AuditRecord record = fromDocument(last);
        log.warn("the audit chain head was missing; starting it again from the last record, seq {}", record.seq());
        Head empty = new Head(false, 0, AuditRecord.GENESIS);
        advance(empty, record.seq(), record.hash());
        return new Head(true, record.seq(), record.hash());
    }

    /** Another appender took {@code head.seq + 1}: move the head on over its records before building again. */
    private void catchUp(Head head) {
        Head at = head;
        while (true) {
            Document taken = mongo.findById(at.seq() + 1, Document.class, RECORDS);
            if (taken == null) {
                return;
            }
            AuditRecord record = fromDocument(taken);
            if (!record.prevHash().equals(at.hash())) {
                log.error("audit record {} does not follow the chain head (prev {} but head {}); the verifier will report it",
                        record.seq(), record.prevHash(), at.hash());
            }
            advance(at, record.seq(), record.hash());
            at = new Head(true, record.seq(), record.hash());
        }
    }

    /** Moves the head from where it was read to a record: a no-op if someone else moved it first. */
    private void advance(Head from, long seq, String hash) {
        Date now = Date.from(clock.instant());
        if (!from.exists()) {
            try {
                mongo.insert(new Document("_id", HEAD_ID).append("seq", seq).append("hash", hash).append("updatedAt", now),
                        HEAD);
            } catch (DuplicateKeyException someoneElseStartedIt) {
                // The next read of the head sees theirs.
            }
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(HEAD_ID).and("seq").is(from.seq())),
                new Update().set("seq", seq).set("hash", hash).set("updatedAt", now), HEAD);
    }

    static Document toDocument(AuditRecord record) {
        return new Document("_id", record.seq())
                .append("seq", record.seq())
                .append("eventId", record.eventId())
                .append("type", record.type())
                .append("source", record.source())
                .append("subject", record.subject())
                .append("destination", record.destination())
                .append("origin", record.origin())
                .append("time", record.time())
                .append("recordedAt", record.recordedAt())
                .append("eventSm3", record.eventSm3())
                .append("prevHash", record.prevHash())
                .append("hash", record.hash());
    }

    /**
     * A stored record, read leniently: whatever someone put into a field is turned into text, so that a
     * tampered document is a hash mismatch for the verifier rather than an exception.
     */
    static AuditRecord fromDocument(Document document) {
        Object seq = document.get("seq");
        return new AuditRecord(seq instanceof Number number ? number.longValue() : Long.MIN_VALUE,
                text(document, "eventId"), text(document, "type"), text(document, "source"),
                text(document, "subject"), text(document, "destination"), text(document, "origin"),
                text(document, "time"), text(document, "recordedAt"), text(document, "eventSm3"),
                text(document, "prevHash"), text(document, "hash"));
    }

    private static String text(Document document, String field) {
        Object value = document.get(field);
        return value == null ? "" : value.toString();
    }

    /** Where the chain ends, as the head document says. */
    record Head(boolean exists, long seq, String hash) {
    }
}
