package cn.tongban.platform.deadline;

import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.testing.TestOutbox;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
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
        this.writer = TestOutbox.writer(mongo, clock, "platform", PlatformCaseStore.COLLECTION);
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
