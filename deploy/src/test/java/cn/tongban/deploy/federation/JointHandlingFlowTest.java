package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.catalogue.ItemAnswer;
import cn.tongban.center.catalogue.ItemHandlers;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.item.ItemRequested;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.JsonNode;

/**
 * Two-place joint handling (两地联办) of a home-purchase withdrawal (item 06), end to end: the person bought a home in
 * Shanghai and contributes in Beijing. Shanghai (the purchase place) receives the application, verifies the purchase
 * with its real-estate registry and sends the joint request with the scanned materials' references; the platform
 * opens the case in joint mode and relays; Beijing decides by its own policy, pays the person's card once and reports
 * the payment with its receipt; Shanghai completes it. The paper originals are tracked by mail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JointHandlingFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";
    static final String CARD = "6222021001234567890";

    static SimulatedFederation simulated;
    static Federation federation;
    static IdentityNumber zhao;
    static IdentityNumber qian;
    static IdentityNumber sun;

    @BeforeAll
    static void startFederation() {
        simulated = SimulatedFederation.start("joint_", Map.of(), Map.of(BEIJING, Map.of(), SHANGHAI, Map.of()));
        federation = simulated.federation;
        zhao = People.identityNumber("110105", LocalDate.of(1988, 3, 14));
        qian = People.identityNumber("110108", LocalDate.of(1985, 6, 2));
        sun = People.identityNumber("110101", LocalDate.of(1991, 9, 30));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(zhao, "赵敏", AccountState.NORMAL, 36),
                People.account(qian, "钱进", AccountState.FROZEN, 24),
                People.account(sun, "孙丽", AccountState.SEALED, 24)));
    }

    @AfterAll
    static void stopFederation() {
        if (simulated != null) {
            simulated.close();
        }
    }

    private String shanghaiClerk() {
        return federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
    }

    private String beijingClerk() {
        return federation.token(federation.centerUrl(BEIJING), "bj-clerk-001", "COUNTER_CLERK", null);
    }

    private Federation.Response apply(String token, IdentityNumber person, String name, String contract, String amount) {
        return apply(token, person, name, contract, amount, CARD);
    }

    private Federation.Response apply(String token, IdentityNumber person, String name, String contract, String amount,
                                      String card) {
        Map<String, Object> body = new HashMap<>();
        body.put("contributionCenter", BEIJING);
        body.put("applicant", Map.of("identityNumber", person.value(), "name", name));
        body.put("contractNumber", contract);
        body.put("buyer", "self");
        body.put("amount", amount);
        body.put("bankAccount", card);
        body.put("materials", List.of(Map.of("id", "doc-310000-000101",
                "digest", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", "size", 482113,
                "mediaType", "application/pdf", "materialKind", "PURCHASE_CONTRACT")));
        return federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/joint-handling/purchase-withdrawals", token, body);
    }

    private JsonNode awaitState(String baseUrl, String token, String caseId, String state) {
        return federation.awaitCaseState(baseUrl, token, caseId, state);
    }

    private JsonNode itemCase(String baseUrl, String token, String caseId) {
        Federation.Response response = federation.get(baseUrl + "/api/v1/items/cases/" + caseId, token);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private long balanceOf(IdentityNumber person) {
        return federation.centerBean(BEIJING, AccountStore.class).findByIdentityNumber(person).orElseThrow().balance().fen();
    }

    private long paymentsFor(String caseId) {
        return federation.centerBean(BEIJING, MongoOperations.class).getCollection("payment_instructions")
                .countDocuments(new Document("caseId", caseId));
    }

    @Test
    @Order(1)
    void thePurchasePlaceAsksTheContributionCenterDecidesAndPaysOnceAndThePurchasePlaceCompletesIt() {
        String clerk = shanghaiClerk();
        long before = balanceOf(zhao);
        Federation.Response submitted = apply(clerk, zhao, "赵敏", "WQ-RECENT-0001", "50000.00");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String caseId = submitted.body().get("id").asString();
        assertThat(submitted.body().get("mode").asString()).isEqualTo("JOINT");
        assertThat(submitted.body().get("form").get("registrationNumber").asString()).isEqualTo("RE-WQ-RECENT-0001");
        assertThat(submitted.body().get("form").get("price").asString()).as("from the registry").isEqualTo("2860000.00");
        assertThat(submitted.body().get("form").get("bankAccount").asString()).doesNotContain(CARD);

        awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        JsonNode atShanghai = itemCase(federation.centerUrl(SHANGHAI), clerk, caseId);
        assertThat(atShanghai.get("result").get("amount").asString()).isEqualTo("50000.00");
        assertThat(atShanghai.get("result").get("bankReference").asString()).isEqualTo("BRWD-" + caseId);
        assertThat(atShanghai.get("receiptNumber").asString()).isEqualTo("HZ-110000-" + caseId);
        assertThat(atShanghai.get("history").toString()).contains("SUBMITTED", "DELIVERED", "ACCEPTED", "RESULT_SENT");
        // the completion receipt (办结回执): sealed by Beijing when it paid, its code told to Shanghai, the PDF at Beijing
        String receiptCode = atShanghai.get("result").get("receiptVerificationCode").asString();
        String person = federation.token(federation.centerUrl(BEIJING), "zhao", "EMPLOYEE", zhao.value());
        java.net.http.HttpResponse<byte[]> receipt = federation.sendForBytes(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(federation.centerUrl(BEIJING) + "/api/v1/cases/" + caseId + "/certificate.pdf"))
                .header("Authorization", "Bearer " + person).GET().build());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("X-Verification-Code")).contains(receiptCode);
        assertThat(federation.get(federation.centerUrl(BEIJING) + "/public/v1/certificates/" + receiptCode, null).body()
                .get("verdict").asString()).isEqualTo("GENUINE");

        assertThat(before - balanceOf(zhao)).as("the balance is debited by what was paid").isEqualTo(5_000_000L);
        assertThat(paymentsFor(caseId)).isEqualTo(1);

        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        JsonNode atPlatform = awaitState(federation.platformUrl(), operator, caseId, "RESULT_SENT");
        assertThat(atPlatform.get("mode").asString()).isEqualTo("JOINT");
        assertThat(atPlatform.toString()).doesNotContain(zhao.value()).doesNotContain(CARD);

        // the paper originals go by mail: sent from Shanghai, signed for in Beijing
        Federation.Response mailed = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId
                + "/mailings", clerk, Map.of("carrier", "中国邮政EMS", "trackingNumber", "EA123456789CN"));
        assertThat(mailed.status()).isEqualTo(200);
        assertThat(mailed.body().get("mailings").get(0).get("sentAt").isNull()).isFalse();
        String beijing = beijingClerk();
        Federation.Response received = federation.post(federation.centerUrl(BEIJING) + "/api/v1/items/cases/" + caseId
                + "/mailings/receipt", beijing, Map.of("carrier", "中国邮政EMS", "trackingNumber", "EA123456789CN"));
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body().get("mailings").get(0).get("receivedBy").asString()).isEqualTo("bj-clerk-001");

        Federation.Response completed = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId
                + "/completion", clerk, null);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().get("state").asString()).isEqualTo("COMPLETED");
        awaitState(federation.platformUrl(), operator, caseId, "COMPLETED");
        JsonNode atBeijing = awaitState(federation.centerUrl(BEIJING), beijing, caseId, "COMPLETED");
        assertThat(atBeijing.get("side").asString()).isEqualTo("HANDLING");
    }

    @Test
    @Order(2)
    void purchaseWithdrawalIsPaidOnceEvenWhenTheRequestIsHandledAgain() {
        String clerk = shanghaiClerk();
        String caseId = apply(clerk, sun, "孙丽", "WQ-RECENT-0002", "30000.00").body().get("id").asString();
        awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        long after = balanceOf(sun);
        JsonNode handled = itemCase(federation.centerUrl(BEIJING), beijingClerk(), caseId);

        // the same request once more, as a redelivery or a restarted process would hand it over
        ItemRequested again = new ItemRequested(CaseId.of(caseId), ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT,
                CenterCode.of(SHANGHAI), CenterCode.of(BEIJING), new Applicant(sun, "孙丽"),
                federation.centerBean(BEIJING, MongoOperations.class).getCollection("cases")
                        .find(new Document("_id", caseId)).first().get("form", Document.class).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))),
                List.of(), "sh-clerk-007", Instant.now());
        ItemAnswer answer = federation.centerBean(BEIJING, ItemHandlers.class).of(ServiceItem.HOME_PURCHASE_WITHDRAWAL)
                .orElseThrow().handle(again);

        assertThat(answer).isInstanceOf(ItemAnswer.Done.class);
        assertThat(((ItemAnswer.Done) answer).receiptNumber()).isEqualTo(handled.get("receiptNumber").asString());
        assertThat(((ItemAnswer.Done) answer).result().get("amount")).isEqualTo("30000.00");
        assertThat(paymentsFor(caseId)).isEqualTo(1);
        assertThat(balanceOf(sun)).as("not debited twice").isEqualTo(after);
    }

    @Test
    @Order(3)
    void theContributionCenterRefusesByItsOwnPolicyWithAReason() {
        String clerk = shanghaiClerk();
        String sameHome = apply(clerk, zhao, "赵敏", "WQ-RECENT-0001", "10000.00").body().get("id").asString();
        String frozen = apply(clerk, qian, "钱进", "WQ-RECENT-0003", "10000.00").body().get("id").asString();
        String tooLate = apply(clerk, sun, "孙丽", "WQ-2025-654321", "10000.00").body().get("id").asString();
        IdentityNumber stranger = People.identityNumber("110106", LocalDate.of(1990, 1, 1));
        String noAccount = apply(clerk, stranger, "周强", "WQ-RECENT-0004", "10000.00").body().get("id").asString();

        assertThat(rejection(clerk, sameHome)).isEqualTo("ALREADY_WITHDRAWN_FOR_HOME");
        assertThat(rejection(clerk, frozen)).isEqualTo("ACCOUNT_FROZEN");
        assertThat(rejection(clerk, tooLate)).as("the registry's contract of 2025-09-18 is outside Beijing's 12 months")
                .isEqualTo("OUTSIDE_WINDOW");
        assertThat(rejection(clerk, noAccount)).isEqualTo("NO_SUCH_ACCOUNT");
        assertThat(paymentsFor(frozen) + paymentsFor(sameHome) + paymentsFor(tooLate)).isZero();

        Federation.Response notReady = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + frozen
                + "/completion", clerk, null);
        assertThat(notReady.status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void aPurchaseTheRegistryDoesNotHoldIsRefusedAtThePurchasePlaceBeforeAnythingIsSent() {
        Federation.Response refused = apply(shanghaiClerk(), zhao, "赵敏", "WQ-2025-000000", "10000.00");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asString()).isEqualTo("PURCHASE_NOT_VERIFIED");
        assertThat(refused.body().get("detail").asString()).contains("NO_REGISTRATION_RECORD");
    }

    @Test
    @Order(4)
    void aPersonAppliesOnlineOnlyForThemselves() {
        String zhaoOnline = federation.token(federation.centerUrl(SHANGHAI), "zhao", "EMPLOYEE", zhao.value());
        Federation.Response forSomeoneElse = apply(zhaoOnline, sun, "孙丽", "WQ-RECENT-0005", "10000.00");
        assertThat(forSomeoneElse.status()).isEqualTo(403);

        Federation.Response own = apply(zhaoOnline, zhao, "赵敏", "WQ-RECENT-0006", "10000.00");
        assertThat(own.status()).isEqualTo(201);
        String caseId = own.body().get("id").asString();
        awaitState(federation.centerUrl(SHANGHAI), zhaoOnline, caseId, "RESULT_SENT");
        String someoneElse = federation.token(federation.centerUrl(SHANGHAI), "sun", "EMPLOYEE", sun.value());
        assertThat(federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId, someoneElse).status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void aPaymentTheBankRefusesIsReportedAndNothingIsDebitedSoThePersonMayApplyAgain() {
        String clerk = shanghaiClerk();
        long before = balanceOf(sun);
        String closedCard = apply(clerk, sun, "孙丽", "WQ-RECENT-0007", "20000.00", "6222020000000000000").body().get("id").asString();

        assertThat(rejection(clerk, closedCard)).isEqualTo("PAYEE_ACCOUNT_CLOSED");
        assertThat(balanceOf(sun)).isEqualTo(before);

        String again = apply(clerk, sun, "孙丽", "WQ-RECENT-0007", "20000.00").body().get("id").asString();
        federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, again, "RESULT_SENT");
        assertThat(before - balanceOf(sun)).isEqualTo(2_000_000L);
    }

    private String rejection(String clerk, String caseId) {
        return awaitState(federation.centerUrl(SHANGHAI), clerk, caseId, "REJECTED").get("rejection").get("code").asString();
    }
}
