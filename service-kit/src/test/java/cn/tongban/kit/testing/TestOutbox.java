package cn.tongban.kit.testing;

import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.messaging.EventSignatures;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * An outbox writer for tests of a service's own store: events stay in the documents' outboxes, where the
 * test reads them; the publisher is there but never scheduled, and its producer is a mock.
 */
public final class TestOutbox {

    private TestOutbox() {
    }

    public static OutboxWriter writer(MongoOperations mongo, Clock clock, String signingLabel, String... collections) {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        OutboxPublisher publisher = new OutboxPublisher(mongo, new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
                new EventSignatures(Sm2Keys.devKeyPair(signingLabel).signer()),
                new MessagingProperties.Outbox(false, List.of(collections), Duration.ofSeconds(1), 100,
                        Duration.ofSeconds(1), Duration.ofSeconds(5)), clock, new SimpleMeterRegistry());
        return new OutboxWriter(mongo, publisher);
    }
}
