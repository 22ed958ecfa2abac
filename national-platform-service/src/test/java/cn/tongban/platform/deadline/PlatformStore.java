package cn.tongban.platform.deadline;

import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.EventSignatures;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The platform's case store on an embedded server, with its outbox writer and a clock a test moves. */
final class PlatformStore implements AutoCloseable {

    final EmbeddedMongo embedded;
    final MongoTemplate mongo;
    final MutableClock clock;
    final OutboxWriter writer;
    final OutgoingEvents events;

    PlatformStore(String database, MutableClock clock) {
        this.embedded = new EmbeddedMongo(database);
        this.mongo = embedded.template();
        this.clock = clock;
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        OutboxPublisher publisher = new OutboxPublisher(mongo, new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
                new EventSignatures(Sm2Keys.devKeyPair("platform").signer()),
                new MessagingProperties.Outbox(false, List.of(PlatformCaseStore.COLLECTION), Duration.ofSeconds(1), 100,
                        Duration.ofSeconds(1), Duration.ofSeconds(5)), clock, new SimpleMeterRegistry());
        this.writer = new OutboxWriter(mongo, publisher);
        this.events = new OutgoingEvents(new EventCodec(JsonMapper.builder().build()), "/platform", clock);
    }

    PlatformCase find(String id) {
        return mongo.findById(id, PlatformCase.class, PlatformCaseStore.COLLECTION);
    }

    List<Document> outbox(String id) {
        return mongo.getCollection(PlatformCaseStore.COLLECTION).find(new Document("_id", id)).first()
                .getList(OutboxEvent.FIELD, Document.class);
    }

    @Override
    public void close() {
        embedded.close();
    }
}
