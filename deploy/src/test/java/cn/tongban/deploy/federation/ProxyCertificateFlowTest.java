package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import java.time.Instant;
import cn.tongban.contracts.event.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Proxy handling of the contribution-and-use certificate (item 02), end to end: Shanghai's counter
 * receives the application, the platform relays, Beijing (the home center) issues or refuses, Shanghai
 * hands over. The platform and two centers run as full applications on one real Kafka broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyCertificateFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";

    static EmbeddedKafkaKraftBroker broker;
    static MongoServer mongo;
    static Federation federation;

    static IdentityNumber zhang;
    static IdentityNumber li;
    static IdentityNumber wang;

    @BeforeAll
    static void startFederation() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        federation = new Federation(broker.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort(), "e2e_")
                .startPlatform().startCenter(BEIJING).startCenter(SHANGHAI);

        zhang = People.identityNumber("110105", LocalDate.of(1986, 4, 12));
        li = People.identityNumber("110108", LocalDate.of(1979, 11, 3));
        wang = People.identityNumber("110101", LocalDate.of(1992, 7, 25));
        LoanRecord repaid = LoanRecord.legacy("JK2015000123", Money.parse("600000.00"), LocalDate.of(2015, 6, 1), 120,
                Money.ZERO, LocalDate.of(2023, 5, 20));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(zhang, "张伟", AccountState.NORMAL, 36, repaid),
                People.account(li, "李娜", AccountState.WITHDRAWN_CLOSED, 12),
                People.account(wang, "王芳", AccountState.SEALED, 24)));
    }

    @AfterAll
    static void stopFederation() {
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

    private String clerkToken() {
        return federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
    }

    private Federation.Response submit(String token, String homeCenter, IdentityNumber person, String name) {
        return federation.submitProxyCertificate(SHANGHAI, token, homeCenter, person.value(), name);
    }

    private JsonNode awaitState(String baseUrl, String token, String caseId, String state) {
        return federation.awaitCaseState(baseUrl, token, caseId, state);
    }

    @Test
    @Order(1)
    void theHomeCenterIssuesTheCertificateAndTheReceivingCenterHandsItOver() {
        String clerk = clerkToken();
        Federation.Response submitted = submit(clerk, BEIJING, zhang, "张伟");
        assertThat(submitted.status()).isEqualTo(201);
        String caseId = submitted.body().get("id").asString();
        assertThat(caseId).startsWith(SHANGHAI + "-");
        assertThat(submitted.body().get("state").asString()).isEqualTo("SUBMITTED");

        JsonNode atShanghai = awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        JsonNode certificate = atShanghai.get("certificate");
        assertThat(certificate.get("issuingCenter").asString()).isEqualTo(BEIJING);
        assertThat(certificate.get("name").asString()).isEqualTo("张伟");
        assertThat(certificate.get("accountState").asString()).isEqualTo("NORMAL");
        assertThat(certificate.get("contributionBase").asString()).isEqualTo("12000.00");
        assertThat(certificate.get("monthlyAmount").asString()).isEqualTo("2880.00");
        assertThat(certificate.get("balance").asString()).isEqualTo("103680.00");
        assertThat(certificate.get("loanHistory").asString()).isEqualTo("ONE_REPAID");
        assertThat(certificate.get("lendingCity").asString()).isEqualTo("上海市");
        assertThat(certificate.get("balanceInWords").asString()).isEqualTo("壹拾万叁仟陆佰捌拾元整");
        assertThat(atShanghai.get("history")).extracting(JsonNode::toString).asString()
                .contains("SUBMITTED", "DELIVERED", "ACCEPTED", "RESULT_SENT");

        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        JsonNode atPlatform = awaitState(federation.platformUrl(), operator, caseId, "RESULT_SENT");
        assertThat(atPlatform.get("dueAt").isNull()).isFalse();
        assertThat(atPlatform.toString()).doesNotContain(zhang.value()).doesNotContain("张伟");

        Federation.Response handedOver = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/cases/" + caseId + "/handover", clerk, null);
        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.body().get("state").asString()).isEqualTo("COMPLETED");

        awaitState(federation.platformUrl(), operator, caseId, "COMPLETED");
        String beijingClerk = federation.token(federation.centerUrl(BEIJING), "bj-clerk-001", "COUNTER_CLERK", null);
        JsonNode atBeijing = awaitState(federation.centerUrl(BEIJING), beijingClerk, caseId, "COMPLETED");
        assertThat(atBeijing.get("side").asString()).isEqualTo("HANDLING");

        theApplicantGetsTheSealedCertificateFromTheHomeCenterAndAnyoneVerifiesIt(caseId);
    }

    /** The sealed PDF (ADR 0008): from Beijing, which issued it; checked by anyone at Beijing, recognised at Shanghai. */
    private void theApplicantGetsTheSealedCertificateFromTheHomeCenterAndAnyoneVerifiesIt(String caseId) {
        String applicant = federation.token(federation.centerUrl(BEIJING), "zhang", "EMPLOYEE", zhang.value());
        java.net.http.HttpResponse<byte[]> pdf = federation.sendForBytes(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(federation.centerUrl(BEIJING) + "/api/v1/cases/" + caseId + "/certificate.pdf"))
                .header("Authorization", "Bearer " + applicant).GET().build());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String code = pdf.headers().firstValue("X-Verification-Code").orElseThrow();

        assertThat(federation.get(federation.centerUrl(BEIJING) + "/public/v1/certificates/" + code, null).body()
                .get("verdict").asString()).isEqualTo("GENUINE");
        java.util.function.Function<String, JsonNode> verifyAt = url -> federation.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url + "/public/v1/certificates/verify")).header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf.body())).build()).body();
        assertThat(verifyAt.apply(federation.centerUrl(BEIJING)).get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(verifyAt.apply(federation.centerUrl(SHANGHAI)).get("verdict").asString()).isEqualTo("ISSUED_ELSEWHERE");
        assertThat(federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/cases/" + caseId + "/certificate.pdf",
                clerkToken()).status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void theHomeCenterRefusesWithAReasonWhenThereIsNoAccountOrItIsClosed() {
        String clerk = clerkToken();
        IdentityNumber stranger = People.identityNumber("110106", LocalDate.of(1990, 1, 1));
        String noAccount = submit(clerk, BEIJING, stranger, "赵强").body().get("id").asString();
        String closed = submit(clerk, BEIJING, li, "李娜").body().get("id").asString();
        String nameWrong = submit(clerk, BEIJING, wang, "王小芳").body().get("id").asString();

        assertThat(awaitState(federation.centerUrl(SHANGHAI), clerk, noAccount, "REJECTED").get("rejection").get("code").asString())
                .isEqualTo("NO_SUCH_ACCOUNT");
        assertThat(awaitState(federation.centerUrl(SHANGHAI), clerk, closed, "REJECTED").get("rejection").get("code").asString())
                .isEqualTo("ACCOUNT_CLOSED");
        assertThat(awaitState(federation.centerUrl(SHANGHAI), clerk, nameWrong, "REJECTED").get("rejection").get("code").asString())
                .isEqualTo("NAME_MISMATCH");

        Federation.Response handOverRefused = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/cases/" + noAccount + "/handover", clerk, null);
        assertThat(handOverRefused.status()).isEqualTo(409);
        assertThat(handOverRefused.body().get("code").asString()).isEqualTo("NOT_READY_FOR_HANDOVER");
    }

    @Test
    @Order(2)
    void theLendingCenterCertifiesAFullyRepaidLoanOrSaysWhyNot() {
        String clerk = clerkToken();
        String url = federation.centerUrl(SHANGHAI) + "/api/v1/proxy/loan-repaid-certificates";
        Map<String, Object> forZhang = Map.of("homeCenter", BEIJING, "applicant", Map.of("identityNumber", zhang.value(), "name", "张伟"),
                "lendingCity", "上海市", "identityVerified", true, "formChecked", true);
        Federation.Response submitted = federation.post(url, clerk, forZhang);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("item").asString()).isEqualTo("07");
        JsonNode issued = awaitState(federation.centerUrl(SHANGHAI), clerk, submitted.body().get("id").asString(), "RESULT_SENT");
        assertThat(issued.get("loanRepaidCertificate").get("contractNumber").asString()).isEqualTo("JK2015000123");
        assertThat(issued.get("loanRepaidCertificate").get("repaidOn").asString()).isEqualTo("2023-05-20");
        assertThat(issued.get("certificate").isNull()).isTrue();

        Map<String, Object> forWang = Map.of("homeCenter", BEIJING, "applicant", Map.of("identityNumber", wang.value(), "name", "王芳"),
                "lendingCity", "上海市", "identityVerified", true, "formChecked", true);
        String refused = federation.post(url, clerk, forWang).body().get("id").asString();
        assertThat(awaitState(federation.centerUrl(SHANGHAI), clerk, refused, "REJECTED").get("rejection").get("code").asString())
                .isEqualTo("NO_LOAN");
    }

    @Test
    @Order(3)
    void requestsWithoutATokenWithTheWrongRoleOrWithBadInputAreRefusedAsProblemDetails() {
        Federation.Response anonymous = submit(null, BEIJING, zhang, "张伟");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().get("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");

        String employee = federation.token(federation.centerUrl(SHANGHAI), "someone", "EMPLOYEE", zhang.value());
        Federation.Response wrongRole = submit(employee, BEIJING, zhang, "张伟");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.body().get("code").asString()).isEqualTo("FORBIDDEN");

        String platformToken = federation.token(federation.platformUrl(), "sh-clerk-007", "COUNTER_CLERK", null);
        assertThat(submit(platformToken, BEIJING, zhang, "张伟").status())
                .as("a token minted for another service is refused").isEqualTo(401);

        String clerk = clerkToken();
        String badChecksum = zhang.value().substring(0, 17) + (zhang.value().charAt(17) == '1' ? "2" : "1");
        Federation.Response bad = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/proxy/contribution-use-certificates", clerk,
                Map.of("homeCenter", BEIJING, "applicant", Map.of("identityNumber", badChecksum, "name", "张伟"),
                        "lendingCity", "上海市", "identityVerified", true, "formChecked", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("applicant.identityNumber");
        assertThat(bad.body().get("errors").get(0).get("reason").asString()).contains("check character");

        Federation.Response unknownCenter = submit(clerk, "120000", zhang, "张伟");
        assertThat(unknownCenter.status()).isEqualTo(400);
        assertThat(unknownCenter.body().get("errors").get(0).get("field").asString()).isEqualTo("homeCenter");
        Federation.Response notACenter = submit(clerk, "990000", zhang, "张伟");
        assertThat(notACenter.status()).isEqualTo(400);
        assertThat(notACenter.body().get("errors").get(0).get("field").asString()).isEqualTo("homeCenter");
    }

    @Test
    @Order(4)
    void malformedEventsGoToTheDeadLetterTopicWithTheirReasonAndTheConsumersKeepGoing() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RELAY_INBOUND, "garbage", "not an event".getBytes(StandardCharsets.UTF_8))).get();
            // signed correctly by Shanghai, but the data is not a request
            producer.send(signedEvent("bad-data-1", "/centers/310000", "310000-20261125-999999", "{\"caseId\": 42}",
                    Sm2Keys.devKeyPair("center-310000"))).get();
            // a well-formed request that Shanghai never signed: forged with another key, or not signed at all
            String request = "{\"caseId\":\"310000-20261125-999997\",\"item\":\"02\",\"requestingCenter\":\"310000\","
                    + "\"homeCenter\":\"110000\",\"applicant\":{\"identityNumber\":\"" + zhang.value() + "\",\"name\":\"张伟\"},"
                    + "\"lendingCity\":\"上海市\",\"clerk\":\"x\",\"requestedAt\":\"2026-11-25T02:00:00Z\"}";
            producer.send(signedEvent("forged-2", "/centers/310000", "310000-20261125-999997", request,
                    Sm2Keys.devKeyPair("intruder"))).get();
            producer.send(signedEvent("unsigned-3", "/centers/310000", "310000-20261125-999996",
                    request.replace("999997", "999996"), null)).get();
            producer.send(signedEvent("stranger-4", "/centers/120000", "120000-20261125-000001",
                    request.replace("310000-20261125-999997", "120000-20261125-000001"), Sm2Keys.devKeyPair("center-120000"))).get();
            ProducerRecord<String, byte[]> notFromPlatform = new ProducerRecord<>(Topics.centerInbound(Federation.code(BEIJING)),
                    "310000-20261125-999998", "{}".getBytes(StandardCharsets.UTF_8));
            cloudEventHeaders(notFromPlatform, "forged-1", "/centers/310000", "tongban.proxy.certificate-requested.v1", "310000-20261125-999998");
            producer.send(notFromPlatform).get();
        }
        Map<String, String> relayReasons = deadLetterReasons(Topics.deadLetter(Topics.RELAY_INBOUND), 5);
        assertThat(relayReasons)
                .containsEntry("garbage", "NOT_A_CLOUDEVENT")
                .containsEntry("310000-20261125-999999", "INVALID_DATA")
                .containsEntry("310000-20261125-999997", "BAD_SIGNATURE")
                .containsEntry("310000-20261125-999996", "UNSIGNED")
                .containsEntry("120000-20261125-000001", "UNKNOWN_SENDER");
        assertThat(federation.text(federation.platformUrl() + "/actuator/prometheus"))
                .contains("tongban_messaging_dead_lettered_total{reason=\"BAD_SIGNATURE\"")
                .contains("tongban_messaging_dead_lettered_total{reason=\"UNKNOWN_SENDER\"");
        Map<String, String> centerReasons = deadLetterReasons(Topics.deadLetter(Topics.centerInbound(Federation.code(BEIJING))), 1);
        assertThat(centerReasons).containsEntry("310000-20261125-999998", "NOT_FROM_PLATFORM");

        String clerk = clerkToken();
        String after = submit(clerk, BEIJING, zhang, "张伟").body().get("id").asString();
        awaitState(federation.centerUrl(SHANGHAI), clerk, after, "RESULT_SENT");

        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        String deadLetters = federation.platformUrl() + "/api/v1/admin/dead-letters";
        Federation.Response pending = federation.get(deadLetters + "?topic=" + Topics.RELAY_INBOUND, operator);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().toString()).contains("NOT_A_CLOUDEVENT", "INVALID_DATA");
        assertThat(federation.get(deadLetters + "?topic=" + Topics.RELAY_INBOUND, clerk).status())
                .as("a counter clerk's token is not the platform's").isEqualTo(401);

        Federation.Response replayed = federation.post(deadLetters + "/replay?topic=" + Topics.RELAY_INBOUND, operator, null);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("replayed").asInt()).isGreaterThanOrEqualTo(5);
        // still malformed, so dead-lettered again: replay loses nothing
        deadLetterReasons(Topics.deadLetter(Topics.RELAY_INBOUND), 2 * replayed.body().get("replayed").asInt());
    }

    @Test
    @Order(5)
    void aCenterThatIsDownGetsTheRequestWhenItComesBack() {
        federation.stopCenter(BEIJING);
        String clerk = clerkToken();
        String caseId = submit(clerk, BEIJING, wang, "王芳").body().get("id").asString();
        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        awaitState(federation.platformUrl(), operator, caseId, "SUBMITTED");
        awaitOutboxesDrained(federation.platformBean(MongoOperations.class));

        federation.startCenter(BEIJING);
        JsonNode result = awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        assertThat(result.get("certificate").get("accountState").asString()).isEqualTo("SEALED");
    }

    @Test
    @Order(6)
    void aSuspendedCentersRequestsWaitInTheDeadLetterTopicUntilItIsResumedAndReplayed() {
        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        String centers = federation.platformUrl() + "/api/v1/centers/" + SHANGHAI + "/suspension";
        assertThat(federation.post(centers, operator, Map.of("reason", "密钥更换中")).body().get("active").asBoolean()).isFalse();

        String clerk = clerkToken();
        String caseId = submit(clerk, BEIJING, zhang, "张伟").body().get("id").asString();
        assertThat(deadLetterReasons(Topics.deadLetter(Topics.RELAY_INBOUND), 1)).containsEntry(caseId, "SUSPENDED_SENDER");

        Federation.Response resumed = federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(centers))
                .header("Authorization", "Bearer " + operator).DELETE().build());
        assertThat(resumed.body().get("active").asBoolean()).isTrue();
        federation.post(federation.platformUrl() + "/api/v1/admin/dead-letters/replay?topic=" + Topics.RELAY_INBOUND, operator, null);
        awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
    }

    @Test
    @Order(7)
    void aSecondDeliveryOfEveryEventChangesNothing() throws Exception {
        List<MongoOperations> stores = List.of(federation.platformBean(MongoOperations.class),
                federation.centerBean(BEIJING, MongoOperations.class), federation.centerBean(SHANGHAI, MongoOperations.class));
        awaitQuiet(stores);
        List<List<Document>> before = snapshot(stores);

        List<String> topics = List.of(Topics.RELAY_INBOUND, Topics.centerInbound(Federation.code(BEIJING)),
                Topics.centerInbound(Federation.code(SHANGHAI)));
        int redelivered = redelivery().redeliverAll(topics);
        assertThat(redelivered).isGreaterThan(20);
        awaitQuiet(stores);
        assertThat(snapshot(stores)).isEqualTo(before);

        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        JsonNode audit = federation.get(federation.platformUrl() + "/api/v1/audit/verify", operator).body();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("records").asLong()).as("every relayed event once, the second deliveries not again")
                .isEqualTo(federation.platformBean(MongoOperations.class).getCollection("cases").find().into(new ArrayList<>())
                        .stream().mapToLong(c -> c.getList(cn.tongban.kit.messaging.AtomicChange.HANDLED_EVENTS, String.class).size()).sum());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static void cloudEventHeaders(ProducerRecord<String, byte[]> record, String id, String source, String type, String subject) {
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    }

    /** An event as a center would send it, signed with {@code key} (or not at all). */
    private static ProducerRecord<String, byte[]> signedEvent(String id, String source, String caseId, String json, Sm2KeyPair key) {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        Instant time = Instant.parse("2026-11-25T02:00:00Z");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RELAY_INBOUND, caseId, data);
        cloudEventHeaders(record, id, source, "tongban.proxy.certificate-requested.v1", caseId);
        record.headers().add("ce_time", CanonicalForm.formatTime(time).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_tbdest", BEIJING.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            CanonicalForm form = CanonicalForm.of(Envelope.SPEC_VERSION, id, source, "tongban.proxy.certificate-requested.v1",
                    caseId, time, Envelope.CONTENT_TYPE, BEIJING, null, data);
            record.headers().add("ce_tbsig", key.signer().sign(form.toBytes()).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    /** Every record now on the topics, from the beginning. */
    private static List<ConsumerRecord<String, byte[]>> readAll(List<String> topics) {
        return redelivery().readAll(topics);
    }

    private static Redelivery redelivery() {
        return new Redelivery(broker.getBrokersAsString());
    }

    /** Waits until the dead-letter topic holds at least {@code atLeast} records; their reasons by key. */
    private static Map<String, String> deadLetterReasons(String topic, int atLeast) {
        Map<String, String> reasons = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            reasons.clear();
            List<ConsumerRecord<String, byte[]>> records = readAll(List.of(topic));
            for (ConsumerRecord<String, byte[]> record : records) {
                var reason = record.headers().lastHeader(Envelope.DLQ_REASON);
                reasons.put(record.key(), reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
            }
            assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
        });
        return reasons;
    }

    private static void awaitOutboxesDrained(MongoOperations store) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.getCollection("cases")
                .countDocuments(new Document("outbox.status", "PENDING"))).isZero());
    }

    /** No outbox has anything pending and every consumer group has read everything. */
    private static void awaitQuiet(List<MongoOperations> stores) {
        redelivery().awaitQuiet(stores, List.of("tongban-platform", "tongban-center-110000", "tongban-center-310000"));
    }

    private static List<List<Document>> snapshot(List<MongoOperations> stores) {
        List<List<Document>> all = new ArrayList<>();
        for (MongoOperations store : stores) {
            all.add(store.getCollection("cases").find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}
