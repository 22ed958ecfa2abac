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

    /** Applies the change if its precondition holds and its event is new. */
    public Outcome apply(AtomicChange change) {
        long modified = mongo.updateFirst(change.query(), change.update(), change.collection()).getModifiedCount();
        if (modified == 1) {
            if (change.emits()) {
                publisher.wakeUp();
            }
            return Outcome.APPLIED;
        }
        return explainMiss(change.collection(), change.id(), change.handledEventId());
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
            publisher.wakeUp();
        }
        return Outcome.APPLIED;
    }

    private Outcome explainMiss(String collection, Object id, String handledEventId) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        if (!mongo.exists(byId, collection)) {
            return Outcome.NOT_FOUND;
        }
        if (handledEventId != null
                && mongo.exists(Query.query(Criteria.where("_id").is(id).and(AtomicChange.HANDLED_EVENTS).is(handledEventId)), collection)) {
            return Outcome.DUPLICATE;
        }
        return Outcome.CONFLICT;
    }
}
