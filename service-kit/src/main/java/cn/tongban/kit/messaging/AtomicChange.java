package cn.tongban.kit.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One state change of one aggregate, applied as a single-document atomic update: the precondition on its
 * state, the id of the event that caused it (so a redelivered event changes nothing), the new values, and
 * the events it emits into the document's outbox. Holds on a standalone MongoDB without transactions.
 * Apply it with {@link OutboxWriter#apply(AtomicChange)}.
 */
public final class AtomicChange {

    /** Ids of the inbound events an aggregate has already applied. */
    public static final String HANDLED_EVENTS = "handledEvents";

    private final String collection;
    private final Object id;
    private final Criteria criteria;
    private final Update update = new Update();
    private final List<OutboxEvent> emitted = new ArrayList<>();
    private String handledEventId;

    private AtomicChange(String collection, Object id) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.id = Objects.requireNonNull(id, "id");
        this.criteria = Criteria.where("_id").is(id);
    }

    public static AtomicChange of(String collection, Object id) {
        return new AtomicChange(collection, id);
    }

    /** Applies only while {@code field} holds one of {@code allowed} (e.g. the states a transition may leave). */
    public AtomicChange whenIn(String field, Collection<?> allowed) {
        criteria.and(field).in(allowed.stream().map(AtomicChange::stored).toList());
        return this;
    }

    /** Applies only while {@code field} is missing or null (e.g. a timer that has not fired). */
    public AtomicChange whenAbsent(String field) {
        criteria.and(field).is(null);
        return this;
    }

    /** The inbound event this change handles: the change is applied at most once per event id. */
    public AtomicChange handling(String eventId) {
        this.handledEventId = Objects.requireNonNull(eventId, "eventId");
        criteria.and(HANDLED_EVENTS).ne(eventId);
        update.push(HANDLED_EVENTS, eventId);
        return this;
    }

    public AtomicChange set(String field, Object value) {
        update.set(field, stored(value));
        return this;
    }

    public AtomicChange push(String field, Object value) {
        update.push(field, value);
        return this;
    }

    /** Adds events to the outbox, in order; they are published after the change is stored. */
    public AtomicChange emit(OutboxEvent... events) {
        emitted.addAll(List.of(events));
        return this;
    }

    String collection() {
        return collection;
    }

    Object id() {
        return id;
    }

    String handledEventId() {
        return handledEventId;
    }

    boolean emits() {
        return !emitted.isEmpty();
    }

    Query query() {
        return Query.query(criteria);
    }

    Update update() {
        if (!emitted.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(emitted.toArray());
        }
        return update;
    }

    private static Object stored(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }
}
