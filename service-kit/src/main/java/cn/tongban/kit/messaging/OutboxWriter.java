package cn.tongban.kit.messaging;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Writes aggregates together with the events they emit, each write one single-document atomic
 * operation, and wakes the publisher when there is something to send.
 */
public class OutboxWriter {

    private final MongoOperations mongo;
    private final OutboxPublisher publisher;

    public OutboxWriter(MongoOperations mongo, OutboxPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /** How often a change is tried again when the document changed between reading and writing it. */
    private static final int ATTEMPTS = 16;

    /**
     * Applies the change if its precondition holds and its event is new: reads the document by {@code _id},
     * checks, and writes with a filter on {@code _id} and the revision read, so a concurrent change makes
     * this write miss and it is tried again on the new state. Every read and write goes by {@code _id} (and
     * {@code _id}+revision, which has its own unique index), so it costs the same however large the
     * collection is, on MongoDB and on the embedded server alike.
     */
    public Outcome apply(AtomicChange change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Query byId = Query.query(Criteria.where("_id").is(change.id()));
            change.fieldsToRead().forEach(field -> byId.fields().include(field));
            Document current = mongo.findOne(byId, Document.class, change.collection());
            if (current == null) {
                return Outcome.NOT_FOUND;
            }
            if (change.alreadyHandled(current)) {
                return Outcome.DUPLICATE;
            }
            if (!change.allows(current)) {
                return Outcome.CONFLICT;
            }
            Query unchanged = Query.query(Criteria.where("_id").is(change.id())
                    .and(AtomicChange.REVISION).is(current.get(AtomicChange.REVISION)));
            if (mongo.updateFirst(unchanged, change.update(), change.collection()).getModifiedCount() == 1) {
                if (change.emits()) {
                    publisher.wakeUp(change.collection(), change.id());
                }
                return Outcome.APPLIED;
            }
        }
        throw new IllegalStateException("document " + change.id() + " of " + change.collection()
                + " kept changing under " + ATTEMPTS + " attempts to update it");
    }

    /**
     * Applies many changes to documents of one collection that the caller has just read (e.g. a minute's
     * deadline timers, found by one query), in one round trip: the checks in memory on the documents as read,
     * then one unordered bulk of compare-and-set writes, each on its own document's {@code _id} and revision
     * exactly as {@link #apply} writes. A change whose document changed since it was read misses and is not
     * tried again here: the caller finds it again (its next scan) and it is then applied or refused.
     *
     * @param read the documents by {@code _id}, as read, with their revision and every field the changes check
     * @return how many changes were applied
     */
    public int applyAll(String collection, java.util.Map<Object, Document> read, List<AtomicChange> changes) {
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, collection);
        List<AtomicChange> attempted = new ArrayList<>();
        for (AtomicChange change : changes) {
            Document document = read.get(change.id());
            if (document == null || change.alreadyHandled(document) || !change.allows(document)) {
                continue;
            }
            bulk.updateOne(Query.query(Criteria.where("_id").is(change.id())
                    .and(AtomicChange.REVISION).is(document.get(AtomicChange.REVISION))), change.update());
            attempted.add(change);
        }
        if (attempted.isEmpty()) {
            return 0;
        }
        int applied = bulk.execute().getModifiedCount();
        attempted.stream().filter(AtomicChange::emits).forEach(change -> publisher.wakeUp(collection, change.id()));
        return applied;
    }

    /** The unique index on {@code _id} and revision that the compare-and-set filter of every change uses. */
    public static void indexRevisions(MongoOperations mongo, String collection) {
        mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("_id", org.springframework.data.domain.Sort.Direction.ASC)
                .on(AtomicChange.REVISION, org.springframework.data.domain.Sort.Direction.ASC)
                .unique().named("id_revision"));
    }

    /**
     * Creates an aggregate together with the events its creation emits. Creating it again with the same id
     * (a redelivered event) is a {@link Outcome#DUPLICATE} when the same event caused it, else a
     * {@link Outcome#CONFLICT}.
     *
     * @param handledEventId the inbound event that causes the creation, or null for a command from REST
     */
    public Outcome create(String collection, Object aggregate, String handledEventId, List<OutboxEvent> events) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("_class");
        List<String> handled = new ArrayList<>();
        if (handledEventId != null) {
            handled.add(handledEventId);
        }
        document.put(AtomicChange.HANDLED_EVENTS, handled);
        document.put(AtomicChange.REVISION, 0L);
        List<Object> outbox = new ArrayList<>();
        for (OutboxEvent event : events) {
            outbox.add(mongo.getConverter().convertToMongoType(event));
        }
        document.put(OutboxEvent.FIELD, outbox);
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException e) {
            Object id = document.get("_id");
            return handledEventId == null ? Outcome.CONFLICT : explainMiss(collection, id, handledEventId);
        }
        if (!events.isEmpty()) {
            publisher.wakeUp(collection, document.get("_id"));
        }
        return Outcome.APPLIED;
    }

    private Outcome explainMiss(String collection, Object id, String handledEventId) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include(AtomicChange.HANDLED_EVENTS);
        Document existing = mongo.findOne(byId, Document.class, collection);
        if (existing == null) {
            return Outcome.NOT_FOUND;
        }
        List<?> handled = existing.get(AtomicChange.HANDLED_EVENTS, List.class);
        return handledEventId != null && handled != null && handled.contains(handledEventId) ? Outcome.DUPLICATE : Outcome.CONFLICT;
    }
}
