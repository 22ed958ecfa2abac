package cn.tongban.kit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /**
     * Applies changes to several documents of one collection at once, each change handling an inbound event
     * ({@link AtomicChange#handling}): one read of all the documents by {@code _id}, the checks in memory, one
     * unordered bulk of compare-and-set updates on {@code {_id, rev}}. Where a document changed between the read
     * and the write (the bulk modified fewer than it sent), the documents are read again: a change whose event
     * the document now holds was applied, the others go through {@link #apply} one by one. So the outcome of
     * each change is what {@link #apply} would have given.
     *
     * @param changes at most one change per document, each with its handled event id
     * @return the outcome of each change, in the order given
     */
    public List<Outcome> applyAll(List<AtomicChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        String collection = changes.get(0).collection();
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        java.util.Set<Object> ids = new java.util.HashSet<>();
        for (AtomicChange change : changes) {
            if (!change.collection().equals(collection) || change.handledEventId() == null || !ids.add(change.id())) {
                throw new IllegalArgumentException("applyAll takes changes to distinct documents of one collection, "
                        + "each handling an event");
            }
            fields.addAll(change.fieldsToRead());
        }
        Map<Object, Document> current = readAll(collection, ids, fields);
        Outcome[] outcomes = new Outcome[changes.size()];
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            AtomicChange change = changes.get(i);
            Document document = current.get(change.id());
            if (document == null) {
                outcomes[i] = Outcome.NOT_FOUND;
            } else if (change.alreadyHandled(document)) {
                outcomes[i] = Outcome.DUPLICATE;
            } else if (!change.allows(document)) {
                outcomes[i] = Outcome.CONFLICT;
            } else {
                writes.updateOne(Query.query(Criteria.where("_id").is(change.id())
                        .and(AtomicChange.REVISION).is(document.get(AtomicChange.REVISION))), change.update());
                written.add(i);
            }
        }
        if (written.isEmpty()) {
            return List.of(outcomes);
        }
        if (writes.execute().getModifiedCount() == written.size()) {
            written.forEach(i -> outcomes[i] = Outcome.APPLIED);
        } else {
            Map<Object, Document> after = readAll(collection,
                    written.stream().map(i -> changes.get(i).id()).toList(), List.of(AtomicChange.HANDLED_EVENTS));
            for (int i : written) {
                AtomicChange change = changes.get(i);
                Document document = after.get(change.id());
                outcomes[i] = document != null && change.alreadyHandled(document) ? Outcome.APPLIED : apply(change);
            }
        }
        written.stream().filter(i -> outcomes[i] == Outcome.APPLIED && changes.get(i).emits())
                .forEach(i -> publisher.wakeUp(collection, changes.get(i).id()));
        return List.of(outcomes);
    }

    private Map<Object, Document> readAll(String collection, java.util.Collection<?> ids, java.util.Collection<String> fields) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        fields.forEach(field -> byIds.fields().include(field));
        Map<Object, Document> documents = new java.util.HashMap<>();
        mongo.find(byIds, Document.class, collection).forEach(document -> documents.put(document.get("_id"), document));
        return documents;
    }

    /**
     * Creates several aggregates of one collection at once, each with the events its creation emits: one
     * unordered bulk insert. Each outcome is what {@link #create} would have given: a document that exists
     * already is a {@link Outcome#DUPLICATE} when the same event created it, else a {@link Outcome#CONFLICT}.
     *
     * @return the outcome of each creation, in the order given
     */
    public List<Outcome> createAll(String collection, List<Creation> creations) {
        if (creations.isEmpty()) {
            return List.of();
        }
        BulkOperations inserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Document> documents = new ArrayList<>();
        for (Creation creation : creations) {
            Document document = document(creation.aggregate(), creation.handledEventId(), creation.events());
            documents.add(document);
            inserts.insert(document);
        }
        java.util.Set<Integer> failed = new java.util.HashSet<>();
        try {
            inserts.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException e) {
            e.getErrors().forEach(error -> failed.add(error.getIndex()));
        } catch (DuplicateKeyException e) {
            if (e.getCause() instanceof com.mongodb.MongoBulkWriteException bulk) {
                bulk.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
            } else {
                throw e;
            }
        }
        List<Outcome> outcomes = new ArrayList<>(creations.size());
        for (int i = 0; i < creations.size(); i++) {
            Creation creation = creations.get(i);
            Object id = documents.get(i).get("_id");
            if (!failed.contains(i)) {
                outcomes.add(Outcome.APPLIED);
                if (!creation.events().isEmpty()) {
                    publisher.wakeUp(collection, id);
                }
            } else {
                outcomes.add(creation.handledEventId() == null ? Outcome.CONFLICT
                        : explainMiss(collection, id, creation.handledEventId()));
            }
        }
        return outcomes;
    }

    /**
     * One aggregate to create with {@link #createAll}.
     *
     * @param handledEventId the inbound event that causes the creation, or null for a command from REST
     */
    public record Creation(Object aggregate, String handledEventId, List<OutboxEvent> events) {
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
        Document document = document(aggregate, handledEventId, events);
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

    /** The stored form of a new aggregate: its fields, the event it handled, revision 0 and its outbox. */
    private Document document(Object aggregate, String handledEventId, List<OutboxEvent> events) {
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
        return document;
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
