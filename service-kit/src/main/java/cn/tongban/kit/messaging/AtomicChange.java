package cn.tongban.kit.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One state change of one aggregate, applied as a single-document atomic update: the precondition on its
 * state, the id of the event that caused it (so a redelivered event changes nothing), the new values, and
 * the events it emits into the document's outbox. Holds on a standalone MongoDB without transactions.
 * Apply it with {@link OutboxWriter#apply(AtomicChange)}, which checks the preconditions on the document
 * as read and writes only if nobody changed it meanwhile (compare-and-set on the revision {@value #REVISION}).
 */
public final class AtomicChange {

    /** Ids of the inbound events an aggregate has already applied. */
    public static final String HANDLED_EVENTS = "handledEvents";
    /** The revision of an aggregate document, raised by every change: the compare-and-set of every write. */
    public static final String REVISION = "rev";

    private final String collection;
    private final Object id;
    private final List<Predicate<Document>> preconditions = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>(List.of(REVISION, HANDLED_EVENTS));
    private final List<Consumer<Update>> operations = new ArrayList<>();
    private final List<OutboxEvent> emitted = new ArrayList<>();
    private String handledEventId;

    private AtomicChange(String collection, Object id) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.id = Objects.requireNonNull(id, "id");
    }

    public static AtomicChange of(String collection, Object id) {
        return new AtomicChange(collection, id);
    }

    /** Applies only while {@code field} holds one of {@code allowed} (e.g. the states a transition may leave). */
    public AtomicChange whenIn(String field, Collection<?> allowed) {
        List<Object> stored = allowed.stream().map(AtomicChange::stored).toList();
        fields.add(field);
        preconditions.add(document -> stored.contains(document.get(field)));
        return this;
    }

    /** Applies only while {@code field} is missing or null (e.g. a timer that has not fired). */
    public AtomicChange whenAbsent(String field) {
        fields.add(field);
        preconditions.add(document -> document.get(field) == null);
        return this;
    }

    /** The inbound event this change handles: the change is applied at most once per event id. */
    public AtomicChange handling(String eventId) {
        this.handledEventId = Objects.requireNonNull(eventId, "eventId");
        operations.add(update -> update.push(HANDLED_EVENTS, eventId));
        return this;
    }

    public AtomicChange set(String field, Object value) {
        Object stored = stored(value);
        operations.add(update -> update.set(field, stored));
        return this;
    }

    public AtomicChange push(String field, Object value) {
        operations.add(update -> update.push(field, value));
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

    /** The fields the checks need: all that is read before the write. */
    Set<String> fieldsToRead() {
        return fields;
    }

    /** Whether the document as read already applied this change's event. */
    boolean alreadyHandled(Document document) {
        if (handledEventId == null) {
            return false;
        }
        List<?> handled = document.get(HANDLED_EVENTS, List.class);
        return handled != null && handled.contains(handledEventId);
    }

    boolean allows(Document document) {
        return preconditions.stream().allMatch(check -> check.test(document));
    }

    /** The update, made anew for each attempt. */
    Update update() {
        Update update = new Update();
        operations.forEach(operation -> operation.accept(update));
        update.inc(REVISION, 1);
        if (!emitted.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(emitted.toArray());
        }
        return update;
    }

    private static Object stored(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }
}
