package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An event read off Kafka in CloudEvents binary mode, with the attributes every consumer needs checked.
 */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time,
                            String destination, String origin, String traceparent, String signature,
                            String dataContentType, byte[] data, String topic, int partition, long offset) {

    /** Reads and checks the envelope; anything missing or unreadable is a {@link MalformedEventException}. */
    public static ReceivedEvent from(ConsumerRecord<?, byte[]> record) {
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record.headers(), record.value());
            event = reader.toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("NOT_A_CLOUDEVENT",
                    "the record is not a CloudEvent in binary mode: " + e.getMessage());
        }
        require(event.getSubject(), "subject");
        if (event.getData() == null) {
            throw new MalformedEventException("EMPTY_DATA", "the event has no data");
        }
        if (record.key() != null && !record.key().toString().equals(event.getSubject())) {
            throw new MalformedEventException("KEY_MISMATCH", "the record key is not the event's subject (case id)");
        }
        return new ReceivedEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                text(event.getExtension(Envelope.EXT_DESTINATION)), text(event.getExtension(Envelope.EXT_ORIGIN)),
                text(event.getExtension(Envelope.EXT_TRACEPARENT)), text(event.getExtension(Envelope.EXT_SIGNATURE)),
                event.getDataContentType(), event.getData().toBytes(), record.topic(), record.partition(), record.offset());
    }

    private static void require(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("MISSING_ATTRIBUTE", "the event has no " + attribute);
        }
    }

    private static String text(Object extension) {
        return extension == null ? null : extension.toString();
    }

    /** The bytes its sender signed (see {@link CanonicalForm}). */
    public CanonicalForm canonicalForm() {
        return CanonicalForm.of(Envelope.SPEC_VERSION, id, source, type, subject, time,
                dataContentType == null ? Envelope.CONTENT_TYPE : dataContentType, destination, origin, data);
    }

    /** Where it came from, for logs: topic-partition@offset. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
