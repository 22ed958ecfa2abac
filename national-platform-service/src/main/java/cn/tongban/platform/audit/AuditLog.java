package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.kit.crypto.Sm3;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
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
 * again (a redelivery) returns the record it already has; the same id with other content is a new record.
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
        String eventSm3 = Sm3.hex(event.toBytes());
        AuditRecord already = recorded(event.id(), eventSm3);
        if (already != null) {
            return already;
        }
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Head head = head();
            AuditRecord record = AuditRecord.of(head.seq() + 1, head.hash(), event, clock.instant());
            try {
                mongo.insert(toDocument(record), RECORDS);
            } catch (DuplicateKeyException lost) {
                catchUp(head);
                continue;
            }
            advance(head, record.seq(), record.hash());
            markAppended(record);
            checkpointer.appended(record);
            return record;
        }
        throw new IllegalStateException("could not append event " + event.id() + " to the audit log after "
                + attempts + " attempts");
    }

    /** The canonical form of an event as received: the bytes its sender signed. */
    public static CanonicalForm canonicalFormOf(ReceivedEvent event) {
        return event.canonicalForm();
    }

    /**
     * The record of this event, if it was appended: looked up by {@code _id} in {@value #APPENDED}, so that the
     * check costs the same with a million records as with ten (and works where secondary indexes do not).
     */
    private AuditRecord recorded(String eventId, String eventSm3) {
        Document marker = mongo.findById(eventId + ":" + eventSm3, Document.class, APPENDED);
        if (marker == null) {
            return null;
        }
        Document found = mongo.findById(marker.get("seq"), Document.class, RECORDS);
        return found == null ? null : fromDocument(found);
    }

    /** Marks the event appended; a crash before this line may append it once more on redelivery, never lose it. */
    private void markAppended(AuditRecord record) {
        mongo.upsert(Query.query(Criteria.where("_id").is(record.eventId() + ":" + record.eventSm3())),
                new org.springframework.data.mongodb.core.query.Update().set("seq", record.seq()), APPENDED);
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

    /** Another appender took {@code head.seq + 1}: move the head on to its record before building again. */
    private void catchUp(Head head) {
        Document taken = mongo.findById(head.seq() + 1, Document.class, RECORDS);
        if (taken == null) {
            return;
        }
        AuditRecord record = fromDocument(taken);
        if (!record.prevHash().equals(head.hash())) {
            log.error("audit record {} does not follow the chain head (prev {} but head {}); the verifier will report it",
                    record.seq(), record.prevHash(), head.hash());
        }
        advance(head, record.seq(), record.hash());
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
