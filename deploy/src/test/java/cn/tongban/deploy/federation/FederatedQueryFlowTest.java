package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The federated information query (item 01's federated view), end to end: each center publishes the keyed hashes of
 * its account holders, a person asks at their home center, the platform sends the query to every center that holds
 * an account of theirs, and the answers come back under the query id. The platform and three centers run as full
 * applications on one real Kafka broker; the platform never sees an identity number.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederatedQueryFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";
    static final String GUANGZHOU = "440100";
    static final String ANSWER_TIMEOUT = "tongban.federated-query.answer-timeout";

    static EmbeddedKafkaKraftBroker broker;
    static MongoServer mongo;
    static Federation federation;

    /** Sealed account in Beijing, moved to Shanghai: accounts at two centers. */
    static IdentityNumber li;
    /** Only in Beijing. */
    static IdentityNumber wang;
    /** In Shanghai and Guangzhou, with a loan outstanding in Guangzhou. */
    static IdentityNumber huang;
    /** Nowhere. */
    static IdentityNumber nobody;
    static List<IdentityNumber> everyone;

    @BeforeAll
    static void startFederation() {
        // the asking center marks a silent center after this (a system property: the Federation's arguments do not name it)
        System.setProperty(ANSWER_TIMEOUT, "6s");
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        federation = new Federation(broker.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort(), "fq_")
                .startPlatform().startCenter(BEIJING).startCenter(SHANGHAI).startCenter(GUANGZHOU);

        li = People.identityNumber("110108", LocalDate.of(1990, 3, 15));
        wang = People.identityNumber("110105", LocalDate.of(1985, 7, 21));
        huang = People.identityNumber("440106", LocalDate.of(1986, 11, 8));
        nobody = People.identityNumber("650102", LocalDate.of(1999, 1, 1));
        everyone = List.of(li, wang, huang, nobody);
        LoanRecord outstanding = LoanRecord.legacy("JK440100-2021-000964", Money.parse("700000.00"), LocalDate.of(2021, 8, 9),
                300, Money.parse("590000.00"), null);
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(li, "李秀英", AccountState.SEALED, 24),
                People.account(wang, "王建国", AccountState.NORMAL, 36)));
        federation.centerBean(SHANGHAI, AccountStore.class).insertAccounts(List.of(
                People.account(li, "李秀英", AccountState.NORMAL, 6),
                People.account(huang, "黄志强", AccountState.SEALED, 12)));
        federation.centerBean(GUANGZHOU, AccountStore.class).insertAccounts(List.of(
                People.account(huang, "黄志强", AccountState.NORMAL, 48, outstanding)));
    }

    @AfterAll
    static void stopFederation() {
        System.clearProperty(ANSWER_TIMEOUT);
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

    @Test
    @Order(1)
    void eachCenterPublishesTheKeyedHashesOfItsHoldersAndThePlatformIndexesThem() {
        for (String center : List.of(BEIJING, SHANGHAI, GUANGZHOU)) {
            Federation.Response sweep = federation.post(federation.centerUrl(center) + "/api/v1/federated-queries/index/sweep",
                    admin(center), null);
            assertThat(sweep.status()).as(sweep.toString()).isEqualTo(200);
        }
        // li (2 centers), wang, huang (2 centers): three people, five holdings
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Document> index = platformCollection("federated_index");
            assertThat(index).hasSize(3);
            // per center the newest line, packed as asOf × 2 + holds (HolderIndex): odd = holds an account
            assertThat(index.stream().flatMap(d -> d.get("holdings", Document.class).values().stream())
                    .filter(state -> ((Number) state).longValue() % 2 == 1).count()).isEqualTo(5);
        });

        Federation.Response again = federation.post(federation.centerUrl(BEIJING) + "/api/v1/federated-queries/index/sweep",
                admin(BEIJING), null);
        assertThat(again.body().get("linesPublished").asLong()).as("nothing changed, nothing published").isZero();
    }

    @Test
    @Order(2)
    void aPersonWithAccountsAtTwoCentersSeesBoth() {
        String token = person(SHANGHAI, li);
        JsonNode result = askAndAwait(SHANGHAI, token);

        assertThat(result.get("state").asString()).isEqualTo("COMPLETE");
        Map<String, JsonNode> centers = byCenter(result);
        assertThat(centers).containsOnlyKeys(BEIJING, SHANGHAI);
        JsonNode beijing = centers.get(BEIJING);
        assertThat(beijing.get("status").asString()).isEqualTo("ANSWERED");
        JsonNode sealed = beijing.get("accounts").get(0);
        assertThat(sealed.get("accountState").asString()).isEqualTo("02");
        assertThat(sealed.get("accountStateName").asString()).isEqualTo("封存");
        assertThat(sealed.get("balance").asString()).isEqualTo("69120.00");
        assertThat(sealed.get("paidUpTo").asString()).isEqualTo(YearMonth.now().minusMonths(1).toString());
        assertThat(sealed.get("loanOutstanding").asBoolean()).isFalse();
        JsonNode shanghai = centers.get(SHANGHAI).get("accounts").get(0);
        assertThat(shanghai.get("accountState").asString()).isEqualTo("01");
        assertThat(shanghai.get("balance").asString()).isEqualTo("17280.00");
        assertThat(shanghai.has("accountNumber")).as("only what the person needs").isFalse();
    }

    @Test
    @Order(3)
    void aPersonWithOneAccountSeesOneAndAnUnknownPersonSeesNone() {
        JsonNode wangsResult = askAndAwait(BEIJING, person(BEIJING, wang));
        assertThat(byCenter(wangsResult)).containsOnlyKeys(BEIJING);
        assertThat(byCenter(wangsResult).get(BEIJING).get("accounts").get(0).get("balance").asString()).isEqualTo("103680.00");

        JsonNode nobodysResult = askAndAwait(GUANGZHOU, person(GUANGZHOU, nobody));
        assertThat(nobodysResult.get("state").asString()).isEqualTo("COMPLETE");
        assertThat(nobodysResult.get("routed").asBoolean()).isTrue();
        assertThat(nobodysResult.get("centers")).isEmpty();
    }

    @Test
    @Order(4)
    void aPersonSeesOnlyTheirOwnQueryAndStaffAskOnlyWithAReason() {
        String lisToken = person(SHANGHAI, li);
        String id = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/federated-queries", lisToken, null)
                .body().get("id").asString();

        assertThat(federation.get(query(SHANGHAI, id), person(SHANGHAI, huang)).status()).isEqualTo(404);
        Federation.Response someoneElse = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/federated-queries",
                lisToken, Map.of("identityNumber", huang.value()));
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.body().get("code").asString()).isEqualTo("NOT_YOURSELF");

        String clerk = federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
        Federation.Response withoutReason = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/federated-queries",
                clerk, Map.of("identityNumber", huang.value()));
        assertThat(withoutReason.status()).isEqualTo(400);

        Federation.Response withReason = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/federated-queries",
                clerk, Map.of("identityNumber", huang.value(), "reason", "柜台代查：办理贷款前核实异地账户"));
        assertThat(withReason.status()).isEqualTo(202);
        JsonNode result = awaitComplete(SHANGHAI, clerk, withReason.body().get("id").asString());
        assertThat(byCenter(result)).containsOnlyKeys(SHANGHAI, GUANGZHOU);
        assertThat(byCenter(result).get(GUANGZHOU).get("accounts").get(0).get("loanOutstanding").asBoolean()).isTrue();
        Document audit = federation.centerBean(SHANGHAI, MongoOperations.class)
                .findById(withReason.body().get("id").asString(), Document.class, "federated_queries");
        assertThat(audit.getString("askedBy")).isEqualTo("sh-clerk-007");
        assertThat(audit.getString("reason")).isEqualTo("柜台代查：办理贷款前核实异地账户");
        assertThat(audit.getBoolean("onBehalf")).isTrue();
    }

    @Test
    @Order(5)
    void aSuspendedCenterIsSkippedAndMarked() {
        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        String suspension = federation.platformUrl() + "/api/v1/centers/" + GUANGZHOU + "/suspension";
        assertThat(federation.post(suspension, operator, Map.of("reason", "系统升级")).body().get("active").asBoolean()).isFalse();
        try {
            JsonNode result = askAndAwait(SHANGHAI, person(SHANGHAI, huang));
            assertThat(byCenter(result).get(SHANGHAI).get("status").asString()).isEqualTo("ANSWERED");
            assertThat(byCenter(result).get(GUANGZHOU).get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(result.get("state").asString()).isEqualTo("COMPLETE");
        } finally {
            federation.send(HttpRequest.newBuilder(URI.create(suspension)).header("Authorization", "Bearer " + operator)
                    .DELETE().build());
        }
    }

    @Test
    @Order(6)
    void aCenterThatDoesNotAnswerInTimeIsMarkedAndTheOthersStillShow() {
        federation.stopCenter(BEIJING);
        try {
            String token = person(SHANGHAI, li);
            String id = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/federated-queries", token, null)
                    .body().get("id").asString();
            JsonNode result = awaitComplete(SHANGHAI, token, id);
            assertThat(byCenter(result).get(SHANGHAI).get("status").asString()).isEqualTo("ANSWERED");
            assertThat(byCenter(result).get(BEIJING).get("status").asString()).isEqualTo("NO_ANSWER");
        } finally {
            federation.startCenter(BEIJING);
        }
    }

    @Test
    @Order(7)
    void noIdentityNumberIsStoredAtThePlatformOrTravelsInAnEvent() {
        MongoOperations platform = federation.platformBean(MongoOperations.class);
        List<String> scanned = new ArrayList<>();
        StringBuilder everything = new StringBuilder();
        for (String collection : platform.getCollectionNames()) {
            for (Document document : platform.getCollection(collection).find()) {
                everything.append(document.toJson()).append('\n');
            }
            scanned.add(collection);
        }
        assertThat(scanned).contains("federated_index", "federated_queries", "audit_log");
        assertThatNoIdentityNumberIsIn(everything.toString(), "the platform's database");

        StringBuilder events = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : TopicRecords.readAll(broker.getBrokersAsString(), List.of(Topics.RELAY_INBOUND,
                Topics.centerInbound(Federation.code(BEIJING)), Topics.centerInbound(Federation.code(SHANGHAI)),
                Topics.centerInbound(Federation.code(GUANGZHOU))))) {
            events.append(new String(record.value(), StandardCharsets.UTF_8)).append('\n');
            record.headers().forEach(h -> events.append(h.key()).append('=')
                    .append(new String(h.value(), StandardCharsets.UTF_8)).append('\n'));
        }
        assertThat(events).as("events were read").contains("federated-query");
        assertThatNoIdentityNumberIsIn(events.toString(), "the events");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Neither the people's numbers nor anything shaped like an identity number outside a longer hex run. */
    private static void assertThatNoIdentityNumberIsIn(String text, String where) {
        for (IdentityNumber person : everyone) {
            assertThat(text).as(where).doesNotContain(person.value()).doesNotContain(person.masked());
        }
        Matcher shaped = Pattern.compile("(?<![0-9A-Fa-f])\\d{17}[\\dX](?![0-9A-Fa-f])").matcher(text);
        List<String> found = new ArrayList<>();
        while (shaped.find()) {
            if (IdentityNumber.problemWith(shaped.group()).isEmpty()) {
                found.add(shaped.group());
            }
        }
        assertThat(found).as("identity numbers in " + where).isEmpty();
    }

    private static List<Document> platformCollection(String name) {
        return federation.platformBean(MongoOperations.class).getCollection(name).find().into(new ArrayList<>());
    }

    private static String admin(String center) {
        return federation.token(federation.centerUrl(center), "admin-" + center, "CENTER_ADMIN", null);
    }

    private static String person(String center, IdentityNumber who) {
        return federation.token(federation.centerUrl(center), "person-" + who.value().substring(14), "EMPLOYEE", who.value());
    }

    private static String query(String center, String id) {
        return federation.centerUrl(center) + "/api/v1/federated-queries/" + id;
    }

    private static JsonNode askAndAwait(String center, String token) {
        Federation.Response asked = federation.post(federation.centerUrl(center) + "/api/v1/federated-queries", token, null);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.body().get("state").asString()).isEqualTo("PENDING");
        return awaitComplete(center, token, asked.body().get("id").asString());
    }

    /** Polls the query until it is complete; returns it. */
    private static JsonNode awaitComplete(String center, String token, String id) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Federation.Response response = federation.get(query(center, id), token);
            assertThat(response.status()).isEqualTo(200);
            last[0] = response.body();
            assertThat(response.body().get("state").asString()).isEqualTo("COMPLETE");
        });
        return last[0];
    }

    private static Map<String, JsonNode> byCenter(JsonNode result) {
        Map<String, JsonNode> centers = new HashMap<>();
        result.get("centers").forEach(c -> centers.put(c.get("center").asString(), c));
        return centers;
    }
}
