package cn.tongban.kit.messaging;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** Makes the outbox events of this service, so that every event leaves with the same envelope. */
public class OutgoingEvents {

    private final EventCodec codec;
    private final String source;
    private final Clock clock;

    /** @param source this service's {@code ce_source}: {@code /centers/<code>} or {@code /platform} */
    public OutgoingEvents(EventCodec codec, String source, Clock clock) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
    }

    /** A new event about a case, to a topic, optionally addressed to a destination center. */
    public OutboxEvent of(CaseEvent data, String topic, CenterCode destination, String traceparent) {
        return OutboxEvent.pending(UUID.randomUUID().toString(), topic, data.eventType().toString(), source,
                data.caseId().value(), destination == null ? null : destination.value(), null, traceparent,
                codec.toJson(data), clock.instant());
    }

    /**
     * The same event passed on by this service (the platform's relay): same type, subject, data and trace,
     * this service as source, the original sender as origin. Its id is derived from the original's and the
     * destination, so forwarding the same event again yields the same id and receivers drop the copy.
     */
    public OutboxEvent forward(ReceivedEvent received, String topic, CenterCode destination, String origin) {
        String id = UUID.nameUUIDFromBytes(("forward:" + received.id() + ":" + destination)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return OutboxEvent.pending(id, topic, received.type(), source, received.subject(), destination.value(),
                origin, received.traceparent(), codec.asText(received.data()), clock.instant());
    }

    public String source() {
        return source;
    }

    /** Whether a {@code ce_source} is the platform's. */
    public static boolean isPlatform(String source) {
        return Envelope.PLATFORM_SOURCE.equals(source);
    }
}
