package cn.tongban.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on a wire-compatible MongoDB and a mock producer: one atomic write per change, each event
 * applied at most once, and an event marked sent only after the broker acknowledged it.
 */
class OutboxTest {

    record Parcel(String id, String state, List<String> history) {
    }

    static final String COLLECTION = "parcels";
    static final Sm2KeyPair KEY = Sm2Keys.devKeyPair("center-110000");
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    volatile MockProducer<String, byte[]> producer;
    final List<MockProducer<String, byte[]>> producers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every record sent so far, over all the producers the template used. */
    List<ProducerRecord<String, byte[]>> sent() {
        return producers.stream().flatMap(p -> p.history().stream()).toList();
    }
    OutboxPublisher publisher;
    OutboxWriter writer;
    OutgoingEvents events;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "outbox_test");
        // the template closes a mock producer after each send, so it gets a new one whenever the last is closed
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> {
            if (producer == null || producer.closed()) {
                producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
                producers.add(producer);
            }
            return producer;
        }));
        MessagingProperties.Outbox properties = new MessagingProperties.Outbox(false, List.of(COLLECTION),
                Duration.ofMillis(100), 100, Duration.ofSeconds(2), Duration.ofSeconds(5));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        publisher = new OutboxPublisher(mongo, kafka, new EventSignatures(KEY.signer()), properties, clock, new SimpleMeterRegistry());
        writer = new OutboxWriter(mongo, publisher);
        events = new OutgoingEvents(new EventCodec(JsonMapper.builder().build()), "/centers/110000", clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private OutboxEvent delivered(String caseId) {
        return events.of(new CaseDelivered(CaseId.of(caseId), ServiceItem.CONTRIBUTION_USE_CERTIFICATE,
                CenterCode.of("110000"), NOW), Topics.RELAY_INBOUND, CenterCode.of("310000"), null);
    }

    private Document stored(String id) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }

    @Test
    void aBatchOfChangesGivesEachTheOutcomeItWouldHaveHadAlone() {
        for (String id : List.of("a", "b", "c")) {
            writer.create(COLLECTION, new Parcel(id, "SUBMITTED", List.of()), "open-" + id, List.of());
        }
        writer.apply(AtomicChange.of(COLLECTION, "b").handling("evt-b").whenIn("state", List.of("SUBMITTED"))
                .set("state", "DELIVERED"));

        List<Outcome> outcomes = writer.applyAll(List.of(
                AtomicChange.of(COLLECTION, "a").handling("evt-a").whenIn("state", List.of("SUBMITTED"))
                        .set("state", "DELIVERED").push("history", "delivered").emit(delivered("310000-20261125-000001")),
                AtomicChange.of(COLLECTION, "b").handling("evt-b").whenIn("state", List.of("SUBMITTED")).set("state", "DELIVERED"),
                AtomicChange.of(COLLECTION, "c").handling("evt-c").whenIn("state", List.of("ACCEPTED")).set("state", "DONE"),
                AtomicChange.of(COLLECTION, "d").handling("evt-d").set("state", "X")));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.CONFLICT, Outcome.NOT_FOUND);
        assertThat(stored("a")).containsEntry("state", "DELIVERED").containsEntry(AtomicChange.REVISION, 1L);
        assertThat(stored("a").getList(OutboxEvent.FIELD, Document.class)).hasSize(1);
        assertThat(stored("c")).containsEntry("state", "SUBMITTED");
        assertThat(writer.applyAll(List.of(AtomicChange.of(COLLECTION, "a").handling("evt-a")
                .whenIn("state", List.of("SUBMITTED")).set("state", "DELIVERED")))).containsExactly(Outcome.DUPLICATE);
    }

    @Test
    void aBatchOfCreationsKnowsARedeliveryFromAnotherEventsCase() {
        writer.create(COLLECTION, new Parcel("x", "SUBMITTED", List.of()), "evt-x", List.of());

        List<Outcome> outcomes = writer.createAll(COLLECTION, List.of(
                new OutboxWriter.Creation(new Parcel("y", "SUBMITTED", List.of()), "evt-y", List.of(delivered("310000-20261125-000002"))),
                new OutboxWriter.Creation(new Parcel("x", "SUBMITTED", List.of()), "evt-x", List.of()),
                new OutboxWriter.Creation(new Parcel("x", "SUBMITTED", List.of()), "evt-other", List.of())));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.CONFLICT);
        assertThat(stored("y")).containsEntry(AtomicChange.REVISION, 0L)
                .containsEntry(AtomicChange.HANDLED_EVENTS, List.of("evt-y"));
        assertThat(stored("y").getList(OutboxEvent.FIELD, Document.class)).hasSize(1);
    }

    @Test
    void aChangeIsAppliedOncePerInboundEvent() {
        String id = "310000-20261125-000001";
        assertThat(writer.create(COLLECTION, new Parcel(id, "SUBMITTED", List.of()), "evt-0", List.of())).isEqualTo(Outcome.APPLIED);

        AtomicChange first = AtomicChange.of(COLLECTION, id).handling("evt-1").whenIn("state", List.of("SUBMITTED"))
                .set("state", "DELIVERED").push("history", "delivered").emit(delivered(id));
        assertThat(writer.apply(first)).isEqualTo(Outcome.APPLIED);

        AtomicChange again = AtomicChange.of(COLLECTION, id).handling("evt-1").whenIn("state", List.of("SUBMITTED"))
                .set("state", "DELIVERED").push("history", "delivered").emit(delivered(id));
        assertThat(writer.apply(again)).isEqualTo(Outcome.DUPLICATE);

        AtomicChange outOfOrder = AtomicChange.of(COLLECTION, id).handling("evt-2").whenIn("state", List.of("SUBMITTED"))
                .set("state", "DELIVERED");
        assertThat(writer.apply(outOfOrder)).isEqualTo(Outcome.CONFLICT);
        assertThat(writer.apply(AtomicChange.of(COLLECTION, "nope").handling("evt-3").set("state", "X"))).isEqualTo(Outcome.NOT_FOUND);

        Document document = stored(id);
        assertThat(document.getList("history", String.class)).containsExactly("delivered");
        assertThat(document.getList(AtomicChange.HANDLED_EVENTS, String.class)).containsExactly("evt-0", "evt-1");
        assertThat(document.getList(OutboxEvent.FIELD, Document.class)).hasSize(1);
    }

    @Test
    void aBulkOfChangesAppliesEachThatItsDocumentAllowsOnceAndSkipsTheRest() {
        List<String> ids = List.of("310000-20261125-000101", "310000-20261125-000102", "310000-20261125-000103");
        writer.create(COLLECTION, new Parcel(ids.get(0), "DELIVERED", List.of()), null, List.of());
        writer.create(COLLECTION, new Parcel(ids.get(1), "DELIVERED", List.of()), null, List.of());
        writer.create(COLLECTION, new Parcel(ids.get(2), "REJECTED", List.of()), null, List.of());
        java.util.function.Function<String, AtomicChange> fire = id -> AtomicChange.of(COLLECTION, id)
                .whenIn("state", List.of("DELIVERED")).whenAbsent("firedAt").set("firedAt", NOW).emit(delivered(id));

        java.util.Map<Object, Document> read = new java.util.HashMap<>();
        ids.forEach(id -> read.put(id, stored(id)));
        assertThat(writer.applyAll(COLLECTION, read, ids.stream().map(fire).toList())).as("the rejected one is not allowed").isEqualTo(2);
        assertThat(writer.applyAll(COLLECTION, read, ids.stream().map(fire).toList()))
                .as("read before the change: the revision moved on, nothing is written twice").isZero();
        ids.forEach(id -> read.put(id, stored(id)));
        assertThat(writer.applyAll(COLLECTION, read, ids.stream().map(fire).toList())).as("fired already").isZero();
        assertThat(writer.applyAll(COLLECTION, read, List.of(fire.apply("310000-20261125-000999")))).as("not read").isZero();

        assertThat(stored(ids.get(0)).getList(OutboxEvent.FIELD, Document.class)).hasSize(1);
        assertThat(stored(ids.get(1)).get(AtomicChange.REVISION, Number.class).longValue())
                .isEqualTo(stored(ids.get(2)).get(AtomicChange.REVISION, Number.class).longValue() + 1);
        assertThat(stored(ids.get(2)).get("firedAt")).isNull();
    }

    @Test
    void creatingTheSameAggregateAgainFromTheSameEventIsADuplicate() {
        String id = "310000-20261125-000002";
        Parcel parcel = new Parcel(id, "DELIVERED", List.of());
        assertThat(writer.create(COLLECTION, parcel, "evt-9", List.of(delivered(id)))).isEqualTo(Outcome.APPLIED);
        assertThat(writer.create(COLLECTION, parcel, "evt-9", List.of(delivered(id)))).isEqualTo(Outcome.DUPLICATE);
        assertThat(writer.create(COLLECTION, parcel, "evt-10", List.of(delivered(id)))).isEqualTo(Outcome.CONFLICT);
        assertThat(stored(id).getList(OutboxEvent.FIELD, Document.class)).hasSize(1);
    }

    @Test
    void anEventIsMarkedSentOnlyAfterTheBrokerAcknowledgedIt() throws Exception {
        String id = "310000-20261125-000003";
        writer.create(COLLECTION, new Parcel(id, "DELIVERED", List.of()), null, List.of(delivered(id), delivered(id)));

        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(publisher::drainOnce);
        await().atMost(Duration.ofSeconds(10)).until(() -> (producer != null && producer.history().size() == 2) || drain.isDone());
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker unreachable"));
        assertThat(drain.get(10, TimeUnit.SECONDS)).as("acknowledged").isEqualTo(1);

        List<Document> outbox = stored(id).getList(OutboxEvent.FIELD, Document.class);
        assertThat(outbox.get(0).getString("status")).isEqualTo("SENT");
        assertThat(outbox.get(1).getString("status")).isEqualTo("PENDING");
        assertThat(outbox.get(1).getInteger("attempts")).isEqualTo(1);
        assertThat(outbox.get(1).getString("lastError")).contains("broker unreachable");

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.key()).isEqualTo(id);
        assertThat(sent.topic()).isEqualTo(Topics.RELAY_INBOUND);
        assertThat(header(sent, "ce_type")).isEqualTo("tongban.case.delivered.v1");
        assertThat(header(sent, "ce_source")).isEqualTo("/centers/110000");
        assertThat(header(sent, "ce_subject")).isEqualTo(id);
        assertThat(header(sent, "ce_tbdest")).isEqualTo("310000");
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).contains("\"caseId\":\"" + id + "\"");
        ReceivedEvent received = ReceivedEvent.from(new org.apache.kafka.clients.consumer.ConsumerRecord<>(sent.topic(), 0, 0L,
                0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(), sent.headers(),
                java.util.Optional.empty()));
        assertThat(EventSignatures.verify(received, KEY.publicKey())).as("signed by the sender's key").isTrue();
        assertThat(EventSignatures.verify(received, Sm2Keys.devKeyPair("center-310000").publicKey())).as("not by another's").isFalse();

        producer.clear();
        CompletableFuture<Integer> retry = CompletableFuture.supplyAsync(publisher::drainOnce);
        await().atMost(Duration.ofSeconds(10)).until(() -> (producer != null && !producer.closed() && !producer.history().isEmpty()) || retry.isDone());
        producer.completeNext();
        assertThat(retry.get(10, TimeUnit.SECONDS)).as("acknowledged on the second round").isEqualTo(1);
        assertThat(producer.history()).hasSize(1);
        assertThat(stored(id).getList(OutboxEvent.FIELD, Document.class))
                .allSatisfy(event -> assertThat(event.getString("status")).isEqualTo("SENT"));
    }

    @Test
    void whatTheWriterJustWroteIsSentWithoutSearchingEveryDocument() throws Exception {
        String id = "310000-20261125-000004";
        writer.create(COLLECTION, new Parcel(id, "DELIVERED", List.of()), null, List.of(delivered(id)));
        // a pending event another replica wrote (and told its own publisher): only the full scan finds it here
        String other = "310000-20261125-000005";
        OutboxPublisher replicasPublisher = new OutboxPublisher(mongo, new KafkaTemplate<>(new MockProducerFactory<>(
                () -> new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()))),
                new EventSignatures(KEY.signer()), new MessagingProperties.Outbox(false, List.of(COLLECTION),
                Duration.ofMillis(100), 100, Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC(),
                new SimpleMeterRegistry());
        new OutboxWriter(mongo, replicasPublisher).create(COLLECTION, new Parcel(other, "DELIVERED", List.of()), null,
                List.of(delivered(other)));

        CompletableFuture<Integer> named = CompletableFuture.supplyAsync(publisher::drainWritten);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent().size() == 1 || named.isDone());
        producer.completeNext();
        assertThat(named.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sent()).extracting(ProducerRecord::key).containsExactly(id);

        CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(publisher::drainOnce);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent().size() == 2 || scan.isDone());
        producer.completeNext();
        assertThat(scan.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sent()).extracting(ProducerRecord::key).containsExactly(id, other);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
