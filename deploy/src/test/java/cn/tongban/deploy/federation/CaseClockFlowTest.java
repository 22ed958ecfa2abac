package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseExtensionAgreed;
import cn.tongban.contracts.casefile.CaseExtensionRequested;
import cn.tongban.contracts.casefile.CaseSupplementRequested;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.EventSignatures;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.contracts.IdentityNumber;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case's clock end to end through the platform: Shanghai's counter (a full center application) asks
 * Guangzhou; Guangzhou asks for missing materials (补正), the clock stops over the holiday and runs again
 * with the days left when Shanghai supplies them; Guangzhou asks for an extension (延期) twice, Shanghai
 * agrees to the first and declines the second; the case is overdue and both centers are told.
 *
 * <p>Guangzhou is played by the test, signing with Guangzhou's key and publishing through the same outbox
 * code a center uses: no flow yet leaves a case open at a real handling center (a certificate by proxy is
 * decided the moment it arrives), and the handling side's REST is covered by the center's own tests. The
 * platform runs on a clock the test moves. Dates are counted by hand on the 2026 calendar:
 * <pre>
 *    September 2026             October 2026
 * Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su
 *     1  2  3  4  5  6                1  2  3  4
 * 14 15 16 17 18 19 [20]     5  6  7  8  9 [10] 11
 * 21 22 23 24 25 26 27      12 13 14 15 16 17 18
 * 28 29 30                  19 20 21 22 23 24 25
 * </pre>
 * National Day 10-01..10-07 off, Saturday 10-10 worked. Item 02 has 3 working days.
 */
class CaseClockFlowTest {

    static final String SHANGHAI = "310000";
    static final String GUANGZHOU = "440100";
    static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    static EmbeddedKafkaKraftBroker broker;
    static MongoServer mongo;
    static Federation federation;
    static MutableClock platformClock = new MutableClock(china("2026-09-28"));
    static PlayedCenter guangzhou;
    static IdentityNumber chen = People.identityNumber("440106", LocalDate.of(1983, 8, 14));

    @BeforeAll
    static void startFederation() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String mongoBase = "mongodb://127.0.0.1:" + address.getPort();
        federation = new Federation(broker.getBrokersAsString(), mongoBase, "clock_")
                .startPlatform(platformClock, Map.of(
                        "tongban.platform.deadlines.scan-interval", "200ms",
                        "tongban.platform.case-metrics.refresh", "300ms"))
                .startCenter(SHANGHAI);
        guangzhou = new PlayedCenter(GUANGZHOU, mongoBase + "/clock_played_" + GUANGZHOU);
    }

    @AfterAll
    static void stopFederation() {
        if (guangzhou != null) {
            guangzhou.close();
        }
        if (federation != null) {
            federation.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** 10:00 China time on that day. */
    static Instant china(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(CHINA).toInstant();
    }

    /** The last millisecond of that day, China time: a case due that day is overdue after it. */
    static String endOf(String day) {
        return LocalDate.parse(day).plusDays(1).atStartOfDay(CHINA).toInstant().minusMillis(1).toString();
    }

    @Test
    void materialsPauseTheClockExtensionsMoveItAndABreachReachesBothCenters() {
        String clerk = federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-011", "COUNTER_CLERK", null);
        String reviewer = federation.token(federation.centerUrl(SHANGHAI), "sh-reviewer-02", "REVIEWER", null);
        // the dev issuer stamps tokens with the platform's business clock, the validator checks them on the wall
        // clock: mint the operator's token at the real time, then set the business clock back to 09-28
        platformClock.set(Instant.now());
        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        platformClock.set(china("2026-09-28"));
        String shanghai = federation.centerUrl(SHANGHAI);
        String platform = federation.platformUrl();

        // Mon 09-28: Shanghai's counter asks Guangzhou; Guangzhou receives and accepts: due Thu 10-08
        // (Tue 29 (1), Wed 30 (2), National Day off, Thu 10-08 (3))
        Federation.Response submitted = federation.submitProxyCertificate(SHANGHAI, clerk, GUANGZHOU, chen.value(), "陈静");
        assertThat(submitted.status()).isEqualTo(201);
        String caseId = submitted.body().get("id").asString();
        CaseId id = CaseId.of(caseId);
        guangzhou.awaitForwarded("tongban.proxy.certificate-requested.v1", caseId);
        guangzhou.send(caseId, new CaseDelivered(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code, platformClock.instant()),
                new CaseAccepted(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code, platformClock.instant()));
        JsonNode accepted = federation.awaitCaseState(platform, operator, caseId, "ACCEPTED");
        assertThat(accepted.get("dueAt").asString()).isEqualTo(endOf("2026-10-08"));
        federation.awaitCaseState(shanghai, clerk, caseId, "ACCEPTED");

        // Tue 09-29: Guangzhou asks for a clearer scan; the clock stops with 2 days left (Wed 30, Thu 10-08)
        platformClock.set(china("2026-09-29"));
        guangzhou.send(caseId, new CaseSupplementRequested(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code,
                List.of("购房合同扫描件第3页"), "第3页不清晰", platformClock.instant()));
        JsonNode paused = federation.awaitCaseState(platform, operator, caseId, "AWAITING_SUPPLEMENT");
        assertThat(paused.get("dueAt").isNull()).isTrue();
        assertThat(paused.get("pauses").get(0).get("remainingWorkingDays").asInt()).isEqualTo(2);
        JsonNode toldToSupply = federation.awaitCaseState(shanghai, clerk, caseId, "AWAITING_SUPPLEMENT");
        assertThat(toldToSupply.get("supplements").get(0).get("missing").get(0).asString()).isEqualTo("购房合同扫描件第3页");

        Federation.Response tooEarly = federation.post(shanghai + "/api/v1/cases/" + caseId + "/extension-answer", reviewer,
                Map.of("agreed", true, "reason", "同意"));
        assertThat(tooEarly.status()).as("nothing to answer yet").isEqualTo(409);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");

        // Fri 10-09, after the holiday: Shanghai supplies a reference to the new scan; the clock runs again
        // with 2 days: Sat 10-10 adjusted (1), Mon 10-12 (2)
        platformClock.set(china("2026-10-09"));
        String sm3 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";
        Federation.Response supplied = federation.post(shanghai + "/api/v1/cases/" + caseId + "/supplements", clerk,
                Map.of("materials", List.of(Map.of("documentId", "310000-doc-20261009-000001", "name", "购房合同扫描件第3页", "sm3", sm3))));
        assertThat(supplied.status()).as(supplied.body().toString()).isEqualTo(200);
        JsonNode resumed = federation.awaitCaseState(platform, operator, caseId, "SUPPLEMENTED");
        assertThat(resumed.get("dueAt").asString()).isEqualTo(endOf("2026-10-12"));
        ConsumerRecord<String, byte[]> materials = guangzhou.awaitForwarded("tongban.case.supplemented.v1", caseId);
        assertThat(new String(materials.value(), StandardCharsets.UTF_8)).contains("310000-doc-20261009-000001", sm3);
        awaitShanghai(clerk, caseId, c -> endOf("2026-10-12").equals(c.get("dueAt").asString()));

        // Mon 10-12: Guangzhou asks for 5 more working days; Shanghai agrees: Tue 13 .. Fri 16 (4), Mon 19 (5)
        platformClock.set(china("2026-10-12"));
        guangzhou.send(caseId, new CaseExtensionRequested(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code, 5,
                "需向原贷款银行核实", platformClock.instant()));
        federation.awaitCaseState(shanghai, clerk, caseId, "EXTENSION_REQUESTED");
        Federation.Response agreed = federation.post(shanghai + "/api/v1/cases/" + caseId + "/extension-answer", reviewer,
                Map.of("agreed", true, "reason", "同意，已告知申请人"));
        assertThat(agreed.status()).isEqualTo(200);
        JsonNode extended = federation.awaitCaseState(platform, operator, caseId, "EXTENSION_AGREED");
        assertThat(extended.get("dueAt").asString()).isEqualTo(endOf("2026-10-19"));
        assertThat(extended.get("extensions").get(0).get("answer").asString()).isEqualTo("AGREED");
        assertThat(extended.get("extensions").get(0).get("dueBefore").asString()).isEqualTo(endOf("2026-10-12"));
        guangzhou.awaitForwarded("tongban.case.extension-agreed.v1", caseId);

        // an agreement only the requesting center may give: Guangzhou's own is refused into the DLQ
        guangzhou.send(caseId, new CaseExtensionAgreed(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code, 5,
                "自己同意", platformClock.instant()));
        TopicTail relayDeadLetters = new TopicTail(Topics.deadLetter(Topics.RELAY_INBOUND));
        ConsumerRecord<String, byte[]> refused = relayDeadLetters.first(r -> caseId.equals(r.key()));
        assertThat(new String(refused.headers().lastHeader(Envelope.DLQ_REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("WRONG_PARTY");
        relayDeadLetters.close();

        // Mon 10-19, the last day: Guangzhou asks for 2 more; Shanghai declines, the due date stays
        platformClock.set(china("2026-10-19"));
        guangzhou.send(caseId, new CaseExtensionRequested(id, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, guangzhou.code, 2,
                "银行尚未回复", platformClock.instant()));
        federation.awaitCaseState(shanghai, clerk, caseId, "EXTENSION_REQUESTED");
        assertThat(federation.post(shanghai + "/api/v1/cases/" + caseId + "/extension-answer", reviewer,
                Map.of("agreed", false, "reason", "申请人急需用款，请按时办理")).status()).isEqualTo(200);
        JsonNode declined = federation.awaitCaseState(platform, operator, caseId, "EXTENSION_DECLINED");
        assertThat(declined.get("dueAt").asString()).isEqualTo(endOf("2026-10-19"));
        assertThat(declined.get("extensions").get(1).get("answer").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("extensions").get(1).get("answerReason").asString()).isEqualTo("申请人急需用款，请按时办理");

        // Tue 10-20: overdue. The platform marks the breach and tells both centers
        platformClock.set(china("2026-10-20"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(federation.get(platform + "/api/v1/cases/" + caseId, operator).body().get("breachedAt").isNull()).isFalse());
        JsonNode seenInShanghai = awaitShanghai(clerk, caseId, c -> !c.get("breachedAt").isNull());
        assertThat(seenInShanghai.get("history").toString()).contains("已超过办理时限");
        ConsumerRecord<String, byte[]> breachInGuangzhou = guangzhou.awaitForwarded("tongban.case.deadline-breached.v1", caseId);
        assertThat(new String(breachInGuangzhou.value(), StandardCharsets.UTF_8)).contains(endOf("2026-10-19"));

        // every step on tongban.platform.events, with the clock changes, the warnings and the breach, in order
        TopicTail dashboards = new TopicTail(Topics.PLATFORM_EVENTS);
        dashboards.first(r -> caseId.equals(r.key()) && "tongban.case.deadline-breached.v1".equals(type(r)));
        List<ConsumerRecord<String, byte[]>> lifecycle = dashboards.seen(r -> caseId.equals(r.key()));
        dashboards.close();
        JsonMapper json = JsonMapper.builder().build();
        List<String> states = lifecycle.stream().filter(r -> "tongban.platform.case-transitioned.v1".equals(type(r)))
                .map(r -> json.readTree(r.value()).get("to").asString()).toList();
        assertThat(states).containsExactly("SUBMITTED", "DELIVERED", "ACCEPTED", "AWAITING_SUPPLEMENT", "SUPPLEMENTED",
                "EXTENSION_REQUESTED", "EXTENSION_AGREED", "EXTENSION_REQUESTED", "EXTENSION_DECLINED");
        assertThat(lifecycle.stream().filter(r -> "tongban.case.deadline-changed.v1".equals(type(r)))
                .map(r -> json.readTree(r.value()).get("cause").asString())).containsExactly("PAUSED", "RESUMED", "EXTENDED");
        assertThat(lifecycle.stream().map(CaseClockFlowTest::type)).last().isEqualTo("tongban.case.deadline-breached.v1");

        // each step in the audit log, still intact; the operations gauges count the case where it stands
        JsonNode audit = federation.get(platform + "/api/v1/audit/verify", operator).body();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(federation.text(platform + "/actuator/prometheus"))
                .contains("tongban_cases{handling_center=\"440100\",item=\"02\",mode=\"PROXY\",requesting_center=\"310000\",state=\"EXTENSION_DECLINED\"} 1.0")
                .contains("tongban_cases_overdue{handling_center=\"440100\"} 1.0"));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode awaitShanghai(String token, String caseId, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/cases/" + caseId, token).body();
            assertThat(condition.test(last[0])).as(last[0].toString()).isTrue();
        });
        return last[0];
    }

    /** Every record of one topic from its beginning, read as they come. */
    static final class TopicTail implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        TopicTail(String topic) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(properties);
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, byte[]>> seen(Predicate<ConsumerRecord<String, byte[]>> wanted) {
            return seen.stream().filter(wanted).toList();
        }

        ConsumerRecord<String, byte[]> first(Predicate<ConsumerRecord<String, byte[]>> wanted) {
            return awaitAll(wanted, 1).get(0);
        }

        List<ConsumerRecord<String, byte[]>> awaitAll(Predicate<ConsumerRecord<String, byte[]>> wanted, int atLeast) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                found.clear();
                seen.stream().filter(wanted).forEach(found::add);
                return found.size() >= atLeast;
            });
            return found;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * A center played by the test: it reads what the platform forwards to it and sends signed events through
     * the same outbox writer and publisher a center uses, from a database of its own.
     */
    static final class PlayedCenter implements AutoCloseable {

        static final String COLLECTION = "played_cases";
        final CenterCode code;
        final OutboxWriter writer;
        final OutboxPublisher publisher;
        final OutgoingEvents events;
        final MongoTemplate store;
        final TopicTail inbound;
        private final DefaultKafkaProducerFactory<String, byte[]> producers;
        private int sent;

        PlayedCenter(String code, String mongoUri) {
            this.code = CenterCode.of(code);
            store = new MongoTemplate(com.mongodb.client.MongoClients.create(mongoUri), "clock_played_" + code);
            producers = new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            publisher = new OutboxPublisher(store, new KafkaTemplate<>(producers),
                    new EventSignatures(Sm2Keys.devKeyPair("center-" + code).signer()),
                    new MessagingProperties.Outbox(false, List.of(COLLECTION), Duration.ofSeconds(1), 100,
                            Duration.ofSeconds(10), Duration.ofSeconds(5)), platformClock, new SimpleMeterRegistry());
            writer = new OutboxWriter(store, publisher);
            events = new OutgoingEvents(new EventCodec(JsonMapper.builder().build()), "/centers/" + code, platformClock);
            inbound = new TopicTail(Topics.centerInbound(this.code));
        }

        /** Sends events about a case to its requesting center, signed, through the outbox. */
        void send(String caseId, CaseEvent... data) {
            List<cn.tongban.kit.messaging.OutboxEvent> outgoing = new ArrayList<>();
            for (CaseEvent event : data) {
                outgoing.add(events.of(event, Topics.RELAY_INBOUND, CenterCode.of(SHANGHAI), null));
            }
            // one document per batch sent: the played center keeps no case of its own
            writer.create(COLLECTION, new Document("_id", caseId + "/" + (++sent)), null, outgoing);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                publisher.drainOnce();
                return store.getCollection(COLLECTION).countDocuments(new Document("outbox.status", "PENDING")) == 0;
            });
        }

        ConsumerRecord<String, byte[]> awaitForwarded(String type, String caseId) {
            return inbound.first(r -> caseId.equals(r.key()) && type.equals(CaseClockFlowTest.type(r)));
        }

        @Override
        public void close() {
            inbound.close();
            producers.destroy();
        }
    }
}
