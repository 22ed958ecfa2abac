package cn.tongban.kit.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * An event waiting in an aggregate's document to be published (transactional outbox). It is written in
 * the same single-document update as the state change that caused it, so the two cannot disagree, and
 * it is marked {@link OutboxStatus#SENT} only after the broker acknowledged it.
 *
 * <p>The field names are the stored names (the {@code outbox} array of the aggregate document).
 *
 * @param data the JSON data exactly as it will travel (the Kafka record value)
 */
public record OutboxEvent(String eventId, String topic, String type, String source, String subject,
                          String destination, String origin, String traceparent, String data, Instant time,
                          OutboxStatus status, Instant sentAt, int attempts, String lastError) {

    /** Name of the array field that holds the outbox in every aggregate document. */
    public static final String FIELD = "outbox";

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
    }

    static OutboxEvent pending(String eventId, String topic, String type, String source, String subject,
                               String destination, String origin, String traceparent, String data, Instant time) {
        return new OutboxEvent(eventId, topic, type, source, subject, destination, origin, traceparent, data,
                time, OutboxStatus.PENDING, null, 0, null);
    }
}
