package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.contracts.IdentityNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.JsonNode;

/**
 * Information co-investigation (信息协查), end to end: Shanghai asks Beijing to check a fact about a person; Beijing
 * receives it (the platform's clock of item 22 starts) and its staff answer; Shanghai records the answer and closes the
 * case at both centers and the platform. When the answer is overdue, the platform's breach is seen at both centers and
 * the late answer says so.
 */
class CoinvestigationFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";

    static SimulatedFederation simulated;
    static Federation federation;

    @BeforeAll
    static void startFederation() {
        simulated = SimulatedFederation.start("coinvestigation_", Map.of("tongban.platform.deadlines.scan-interval", "1s"),
                Map.of(BEIJING, Map.of(), SHANGHAI, Map.of()));
        federation = simulated.federation;
    }

    @AfterAll
    static void stopFederation() {
        if (simulated != null) {
            simulated.close();
        }
    }

    @Test
    void oneCenterAsksTheOtherAnswersInTimeAndTheAskingCenterClosesIt() {
        IdentityNumber person = People.identityNumber("110105", LocalDate.of(1988, 3, 14));
        String caseId = ask(person.value(), null).get("id").asString();
        JsonNode asked = awaitState(BEIJING, caseId, "ACCEPTED");
        assertThat(asked.get("question").asString()).isEqualTo("该职工在贵中心是否有未结清的住房公积金贷款");
        assertThat(asked.get("purpose").asString()).isEqualTo("本中心受理其首套住房公积金贷款申请");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platformCase(caseId).get("dueAt"))
                .as("the clock of item 22 runs from delivery").isNotNull());

        Federation.Response answered = federation.post(federation.centerUrl(BEIJING) + "/api/v1/coinvestigations/" + caseId
                + "/answer", staff(BEIJING), Map.of("confirmed", false, "finding", "经核查，该职工在本中心无住房公积金贷款记录"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);

        JsonNode atAsker = awaitState(SHANGHAI, caseId, "COMPLETED");
        assertThat(atAsker.get("confirmed").asBoolean()).isFalse();
        assertThat(atAsker.get("finding").asString()).isEqualTo("经核查，该职工在本中心无住房公积金贷款记录");
        assertThat(atAsker.get("breachedAt").isNull()).isTrue();
        awaitState(BEIJING, caseId, "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platformCase(caseId).getString("state")).isEqualTo("COMPLETED"));

        Federation.Response again = federation.post(federation.centerUrl(BEIJING) + "/api/v1/coinvestigations/" + caseId
                + "/answer", staff(BEIJING), Map.of("finding", "再次答复"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anOverdueAnswerIsABreachThatBothCentersSee() {
        String caseId = ask(null, "91110000MA01TB014A").get("id").asString();
        awaitState(BEIJING, caseId, "ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(platformCase(caseId).getString("state")).isEqualTo("ACCEPTED"));

        // five working days pass without an answer: the platform's due time is behind us
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        federation.platformBean(MongoOperations.class).getCollection("cases").updateOne(new Document("_id", caseId),
                new Document("$set", new Document("dueAt", Date.from(past)).append("warnAt", Date.from(past.minusSeconds(60)))));

        JsonNode atAsker = awaitBreach(SHANGHAI, caseId);
        JsonNode atInvestigator = awaitBreach(BEIJING, caseId);
        assertThat(atAsker.get("dueAt").asString()).isEqualTo(atInvestigator.get("dueAt").asString());
        Federation.Response overdue = federation.get(federation.centerUrl(BEIJING) + "/api/v1/coinvestigations?breached=true",
                staff(BEIJING));
        assertThat(overdue.body().findValuesAsString("id")).contains(caseId);

        Federation.Response late = federation.post(federation.centerUrl(BEIJING) + "/api/v1/coinvestigations/" + caseId
                + "/answer", staff(BEIJING), Map.of("confirmed", true, "finding", "该单位在本中心正常缴存"));
        assertThat(late.status()).isEqualTo(200);
        JsonNode closed = awaitState(SHANGHAI, caseId, "COMPLETED");
        assertThat(closed.get("confirmed").asBoolean()).isTrue();
        assertThat(closed.get("breachedAt").isNull()).isFalse();
        assertThat(late.body().get("history").toString()).contains("已超时");
    }

    @Test
    void aRequestAboutBothAPersonAndAnEmployerOrAboutNobodyIsRefused() {
        Map<String, Object> both = body("110105198803141237", "91110000MA01TB014A");
        assertThat(federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/coinvestigations", staff(SHANGHAI), both).status())
                .isEqualTo(400);
        assertThat(federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/coinvestigations", staff(SHANGHAI),
                body(null, null)).status()).isEqualTo(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static String staff(String center) {
        return federation.token(federation.centerUrl(center), "staff-" + center, "REVIEWER", null);
    }

    private static Map<String, Object> body(String identityNumber, String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("investigatingCenter", BEIJING);
        body.put("identityNumber", identityNumber);
        body.put("creditCode", creditCode);
        body.put("subjectName", identityNumber != null ? "周明" : "北京华信数据科技有限公司");
        body.put("question", "该职工在贵中心是否有未结清的住房公积金贷款");
        body.put("purpose", "本中心受理其首套住房公积金贷款申请");
        return body;
    }

    private static JsonNode ask(String identityNumber, String creditCode) {
        Federation.Response response = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/coinvestigations",
                staff(SHANGHAI), body(identityNumber, creditCode));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    private static JsonNode get(String center, String caseId) {
        Federation.Response response = federation.get(federation.centerUrl(center) + "/api/v1/coinvestigations/" + caseId,
                staff(center));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode awaitState(String center, String caseId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = get(center, caseId);
            assertThat(last[0].get("state").asString()).as(last[0].toString()).isEqualTo(state);
        });
        return last[0];
    }

    private static JsonNode awaitBreach(String center, String caseId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            last[0] = get(center, caseId);
            assertThat(last[0].get("breachedAt").isNull()).as(last[0].toString()).isFalse();
        });
        return last[0];
    }

    private static Document platformCase(String caseId) {
        return federation.platformBean(MongoOperations.class).getCollection("cases").find(new Document("_id", caseId)).first();
    }
}
