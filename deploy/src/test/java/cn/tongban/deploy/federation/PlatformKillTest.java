package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.casefile.CaseDeadlineBreached;
import cn.tongban.contracts.casefile.CaseDeadlineWarned;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.messaging.AtomicChange;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The platform killed outright (kill -9) in the middle of its work and started again: while a burst of proxy
 * requests is being relayed and while deadline timers are due, then with a second replica racing it for the
 * timers. The platform runs as an operating-system process of its own; the broker and the MongoDB-wire server
 * live in this JVM, so what the platform stored survives it, and the two centers run here as well.
 *
 * <p>After each restart: every case reaches its end state at all parties; what was forwarded carries the same
 * ids however often it was sent (the centers drop copies by id), so every relayed event reached its center
 * exactly once as far as state goes; the audit chain is intact with one record per relayed event; each timer
 * fired once — one warning or breach event id per case on the center topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformKillTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";
    /** Played by this test: the handling center of the cases whose deadlines run. */
    static final String GUANGZHOU = "440100";
    static final Sm2KeyPair GUANGZHOU_KEY = Sm2Keys.devKeyPair("center-" + GUANGZHOU);
    static final Duration START = Duration.ofSeconds(90);
    static final Duration SETTLE = Duration.ofSeconds(60);

    static EmbeddedKafkaKraftBroker broker;
    static MongoServer mongo;
    static MongoClient client;
    static MongoTemplate platformStore;
    static Federation federation;
    static PlatformProcess first;
    static PlatformProcess second;
    static IdentityNumber zhang;
    static final List<String> timed = new ArrayList<>();
    static final List<String> burstSoFar = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startFederationWithThePlatformAsAProcess() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        String mongoBase = "mongodb://127.0.0.1:" + mongo.bind().getPort();
        client = MongoClients.create(mongoBase);
        platformStore = new MongoTemplate(client, "kill_platform");

        first = PlatformProcess.start("platform-a", platformProperties(mongoBase));
        first.awaitUp(START);
        federation = new Federation(broker.getBrokersAsString(), mongoBase, "kill_").startCenter(BEIJING).startCenter(SHANGHAI);
        zhang = People.identityNumber("110105", LocalDate.of(1986, 4, 12));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(zhang, "张伟", AccountState.NORMAL, 36)));

        // Cases whose clock runs: Shanghai asks Guangzhou (played here), Guangzhou signs the delivery receipt.
        String clerk = clerk();
        for (int i = 0; i < 24; i++) {
            timed.add(federation.submitProxyCertificate(SHANGHAI, clerk, GUANGZHOU, zhang.value(), "张伟").body().get("id").asString());
        }
        awaitPlatform(() -> countIn(timed, Criteria.where("state").is("SUBMITTED")) == timed.size());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String caseId : timed) {
                producer.send(deliveryReceipt(caseId));
            }
        }
        awaitPlatform(() -> countIn(timed, Criteria.where("state").is("DELIVERED")) == timed.size());
    }

    @AfterAll
    static void stopEverything() {
        for (PlatformProcess platform : new PlatformProcess[] {second, first}) {
            if (platform != null) {
                platform.stop();
            }
        }
        if (federation != null) {
            federation.close();
        }
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    @Order(1)
    void killedWhileRelayingABurstAndFiringDueTimersThePlatformLosesNothingAndDoublesNothingWhenItComesBack() {
        List<String> warnOnly = timed.subList(0, 8);
        List<String> overdue = timed.subList(8, 12);
        long auditBefore = auditRecords();

        makeDue(warnOnly, overdue);
        CompletableFuture<List<String>> requests = CompletableFuture.supplyAsync(() -> submitBurst(30));
        awaitPlatform(() -> auditRecords() >= auditBefore + 20);
        first.kill();
        long answeredBeforeTheKill = countIn(burstSoFar, Criteria.where("state").is("RESULT_SENT"));

        first.start();
        first.awaitUp(START);

        awaitEndStates(requests.join());
        awaitTimersFired(warnOnly, overdue);
        assertThat(answeredBeforeTheKill).as("killed in the middle of the burst, not after it").isLessThan(30);
        assertNothingLostNothingDoubled(warnOnly, overdue);
    }

    @Test
    @Order(2)
    void twoReplicasRacingForTheTimersFireEachOnceAlsoWhenOneOfThemIsKilledInTheMiddle() {
        second = PlatformProcess.start("platform-b", platformProperties(federationMongoBase()));
        second.awaitUp(START);
        List<String> warnOnly = timed.subList(12, 20);
        List<String> overdue = timed.subList(20, 24);

        makeDue(warnOnly, overdue);
        List<String> requests = submitBurst(10);
        awaitPlatform(() -> countIn(timed.subList(12, 24), new Criteria().orOperator(
                Criteria.where("warnedAt").ne(null), Criteria.where("breachedAt").ne(null))) >= 1);
        first.kill();
        first.start();
        first.awaitUp(START);

        awaitEndStates(requests);
        awaitTimersFired(warnOnly, overdue);
        assertNothingLostNothingDoubled(concat(timed.subList(0, 8), warnOnly), concat(timed.subList(8, 12), overdue));
    }

    // ---- what must hold after every restart -------------------------------------------------------------

    private void assertNothingLostNothingDoubled(List<String> warnOnly, List<String> overdue) {
        awaitOutboxesDrained();
        List<Document> cases = platformStore.getCollection("cases").find().into(new ArrayList<>());

        // one audit record per relayed event, the chain intact
        long relayed = cases.stream().mapToLong(c -> c.getList(AtomicChange.HANDLED_EVENTS, String.class).size()).sum();
        List<Document> records = platformStore.getCollection("audit_log").find().into(new ArrayList<>());
        assertThat(records).hasSize((int) relayed);
        assertThat(records.stream().map(r -> r.getString("eventId")).distinct().count()).isEqualTo(relayed);
        String operator = federation.token(first.url(), "ops-01", "PLATFORM_OPERATOR", null);
        var audit = federation.get(first.url() + "/api/v1/audit/verify", operator).body();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("records").asLong()).isEqualTo(relayed);

        // every forward carries the id derived from the event it forwards: copies sent again after a kill are
        // the same event to the center, never a second one
        Map<String, Set<String>> expected = new HashMap<>();
        for (Document c : cases) {
            for (Document step : c.getList("history", Document.class)) {
                if (step.getString("eventId") != null) {
                    String to = step.getString("to");
                    expected.computeIfAbsent(to, k -> new HashSet<>()).add(UUID.nameUUIDFromBytes(
                            ("forward:" + step.getString("eventId") + ":" + to).getBytes(StandardCharsets.UTF_8)).toString());
                }
            }
        }
        Map<String, List<ConsumerRecord<String, byte[]>>> byCenter = new HashMap<>();
        for (String center : List.of(BEIJING, SHANGHAI, GUANGZHOU)) {
            List<ConsumerRecord<String, byte[]>> received = readAll(Topics.centerInbound(CenterCode.of(center)));
            byCenter.put(center, received);
            Set<String> forwarded = received.stream().filter(r -> !isDeadlineNotice(r)).map(r -> header(r, "ce_id"))
                    .collect(Collectors.toSet());
            assertThat(forwarded).as("forwards to %s", center).isEqualTo(expected.getOrDefault(center, Set.of()));
        }

        // each timer fired once: one warning or breach (by id) per case, to both of its centers
        for (String center : List.of(SHANGHAI, GUANGZHOU)) {
            Map<String, Set<String>> warnings = notices(byCenter.get(center), CaseDeadlineWarned.TYPE.toString());
            Map<String, Set<String>> breaches = notices(byCenter.get(center), CaseDeadlineBreached.TYPE.toString());
            warnings.forEach((caseId, ids) -> assertThat(ids).as("warnings of %s at %s", caseId, center).hasSize(1));
            breaches.forEach((caseId, ids) -> assertThat(ids).as("breaches of %s at %s", caseId, center).hasSize(1));
            assertThat(warnings.keySet()).containsAll(warnOnly);
            assertThat(breaches.keySet()).containsAll(overdue).doesNotContainAnyElementsOf(warnOnly);
        }
        for (Document c : cases) {
            Map<String, Long> steps = c.getList("history", Document.class).stream()
                    .collect(Collectors.groupingBy(s -> s.getString("type"), Collectors.counting()));
            assertThat(steps.values()).as("steps of case %s", c.getString("_id")).allMatch(n -> n == 1);
        }

        // the centers applied every event once
        for (String center : List.of(BEIJING, SHANGHAI)) {
            MongoOperations store = federation.centerBean(center, MongoOperations.class);
            for (Document c : store.getCollection("cases").find().into(new ArrayList<>())) {
                List<String> handled = c.getList(AtomicChange.HANDLED_EVENTS, String.class);
                if (handled != null) {
                    assertThat(handled).as("events applied by %s to %s", center, c.getString("_id")).doesNotHaveDuplicates();
                }
            }
        }
    }

    private static boolean isDeadlineNotice(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        return CaseDeadlineWarned.TYPE.toString().equals(type) || CaseDeadlineBreached.TYPE.toString().equals(type);
    }

    /** Event ids of one notice type, by case. */
    private static Map<String, Set<String>> notices(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(r -> type.equals(header(r, "ce_type"))).collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
    }

    // ---- driving the flows ----------------------------------------------------------------------------

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** Shanghai's counter sends a burst of certificate requests to Beijing; returns the case ids. */
    private static List<String> submitBurst(int count) {
        String clerk = clerk();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Federation.Response submitted = federation.submitProxyCertificate(SHANGHAI, clerk, BEIJING, zhang.value(), "张伟");
            assertThat(submitted.status()).isEqualTo(201);
            ids.add(submitted.body().get("id").asString());
            burstSoFar.add(ids.get(i));
        }
        return ids;
    }

    /** Every request answered: the certificate at Shanghai, and the platform and Beijing agree. */
    private static void awaitEndStates(List<String> requests) {
        MongoOperations shanghai = federation.centerBean(SHANGHAI, MongoOperations.class);
        MongoOperations beijing = federation.centerBean(BEIJING, MongoOperations.class);
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(states(platformStore, requests)).as("at the platform").containsOnly("RESULT_SENT").hasSize(requests.size());
            assertThat(states(shanghai, requests)).as("at Shanghai").containsOnly("RESULT_SENT").hasSize(requests.size());
            assertThat(states(beijing, requests)).as("at Beijing").containsOnly("RESULT_SENT").hasSize(requests.size());
        });
    }

    private static List<String> states(MongoOperations store, List<String> ids) {
        return store.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "cases").stream()
                .map(d -> d.getString("state")).toList();
    }

    /** The warning time (and for the overdue ones the due time) of cases moved into the past. */
    private static void makeDue(List<String> warnOnly, List<String> overdue) {
        Date past = Date.from(Instant.now().minus(Duration.ofMinutes(1)));
        platformStore.updateMulti(Query.query(Criteria.where("_id").in(warnOnly)), new Update().set("warnAt", past), "cases");
        platformStore.updateMulti(Query.query(Criteria.where("_id").in(overdue)),
                new Update().set("warnAt", past).set("dueAt", past), "cases");
    }

    private static void awaitTimersFired(List<String> warnOnly, List<String> overdue) {
        awaitPlatform(() -> countIn(warnOnly, Criteria.where("warnedAt").ne(null)) == warnOnly.size()
                && countIn(overdue, Criteria.where("breachedAt").ne(null)) == overdue.size());
    }

    private static String clerk() {
        return federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-009", "COUNTER_CLERK", null);
    }

    private static Map<String, String> platformProperties(String mongoBase) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        properties.put("spring.mongodb.uri", mongoBase + "/kill_platform");
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        // a killed consumer leaves the group after 6 s, not the default 45 s
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        properties.put("tongban.messaging.outbox.poll-interval", "100ms");
        properties.put("tongban.messaging.retry.attempts", "2");
        properties.put("tongban.messaging.retry.backoff", "100ms");
        properties.put("tongban.platform.deadlines.scan-interval", "200ms");
        // a replica killed in a scan holds the lease until then
        properties.put("tongban.platform.deadlines.lease-for", "3s");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.cn.tongban", "info");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    private static String federationMongoBase() {
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    // ---- the store and the broker, read directly ------------------------------------------------------

    private static long countIn(List<String> ids, Criteria criteria) {
        return platformStore.count(Query.query(new Criteria().andOperator(Criteria.where("_id").in(ids), criteria)), "cases");
    }

    private static long auditRecords() {
        return platformStore.getCollection("audit_log").countDocuments();
    }

    private static void awaitPlatform(BooleanSupplier condition) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    private static void awaitOutboxesDrained() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(300)).until(() ->
                platformStore.getCollection("cases").countDocuments(new Document("outbox.status", "PENDING")) == 0);
    }

    /** Guangzhou's delivery receipt for a case: signed with its key, sent to Shanghai through the platform. */
    private static ProducerRecord<String, byte[]> deliveryReceipt(String caseId) {
        String id = UUID.randomUUID().toString();
        String source = "/centers/" + GUANGZHOU;
        String type = CaseDelivered.TYPE.toString();
        Instant time = Instant.now();
        byte[] data = ("{\"caseId\":\"" + caseId + "\",\"item\":\"02\",\"handlingCenter\":\"" + GUANGZHOU
                + "\",\"deliveredAt\":\"" + time + "\"}").getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RELAY_INBOUND, caseId, data);
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", source, "ce_type", type,
                "ce_subject", caseId, "ce_time", CanonicalForm.formatTime(time), "content-type", Envelope.CONTENT_TYPE,
                "ce_tbdest", SHANGHAI, "ce_tbsig", GUANGZHOU_KEY.signer().sign(CanonicalForm.of(Envelope.SPEC_VERSION, id,
                        source, type, caseId, time, Envelope.CONTENT_TYPE, SHANGHAI, null, data).toBytes()));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    /** Every record now on a topic, from the beginning. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
