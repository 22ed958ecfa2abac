package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Account transfer between centers (异地转移接续), end to end: the person moved from Beijing to Shanghai. Shanghai (the
 * new center) issues the contact letter and applies; the platform opens the case and relays; Beijing (the old center)
 * checks the letter, its reviewer accepts, Beijing settles interest, closes the account and pays the money bank to bank
 * once, and sends the transfer-out facts with the history; Shanghai credits it and the case ends 00 at both. Also a
 * refusal (13), a cancellation before acceptance (05), a cancellation too late, a second delivery of every event, and
 * the reconciliation of in = out across the two ledgers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";

    static SimulatedFederation simulated;
    static Federation federation;
    static IdentityNumber zhou;
    static IdentityNumber wu;
    static IdentityNumber zheng;
    static IdentityNumber feng;
    static String transferred;

    @BeforeAll
    static void startFederation() {
        simulated = SimulatedFederation.start("transfer_", Map.of(), Map.of(BEIJING, Map.of(), SHANGHAI, Map.of()));
        federation = simulated.federation;
        zhou = People.identityNumber("110105", LocalDate.of(1988, 3, 14));
        wu = People.identityNumber("110108", LocalDate.of(1986, 7, 1));
        zheng = People.identityNumber("110101", LocalDate.of(1990, 2, 20));
        feng = People.identityNumber("110102", LocalDate.of(1992, 12, 5));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(zhou, "周明", AccountState.SEALED, 24),
                People.account(wu, "吴刚", AccountState.SEALED, 18),
                People.account(zheng, "郑洁", AccountState.SEALED, 12)));
        // the new employer in Shanghai opened their accounts there; nothing paid in yet
        federation.centerBean(SHANGHAI, AccountStore.class).insertAccounts(List.of(
                People.account(zhou, "周明", AccountState.NORMAL, 0),
                People.account(wu, "吴刚", AccountState.NORMAL, 0),
                People.account(zheng, "郑洁", AccountState.NORMAL, 0),
                People.account(feng, "冯雪", AccountState.NORMAL, 0)));
    }

    @AfterAll
    static void stopFederation() {
        if (simulated != null) {
            simulated.close();
        }
    }

    // ---- the scenarios -------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theNewCenterAsksTheOldOneAcceptsClosesAndPaysOnceAndTheNewCenterCreditsIt() {
        long before = account(BEIJING, zhou).ledgerBalance().fen();

        JsonNode applied = apply(zhou, "周明");
        transferred = applied.get("id").asString();
        String letter = applied.get("contactLetter").asString();
        assertThat(letter).matches(SHANGHAI + "\\d{6}\\d{4}");
        assertThat(applied.get("side").asString()).isEqualTo("IN");

        JsonNode reviewed = awaitStatus(SHANGHAI, transferred, "01");
        assertThat(reviewed.get("status").asString()).isEqualTo("联系函复核通过");
        assertThat(transfer(BEIJING, transferred).get("oldAccountNumber").asString()).isEqualTo(account(BEIJING, zhou).accountNumber());

        Federation.Response accepted = federation.post(federation.centerUrl(BEIJING) + "/api/v1/transfers/" + transferred
                + "/acceptance", beijingReviewer(), Map.of("fraudRecorded", false));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.body().get("statusCode").asString()).as(accepted.toString()).isEqualTo("08");

        JsonNode done = awaitStatus(SHANGHAI, transferred, "00");
        JsonNode facts = done.get("facts");
        long amount = Money.parse(facts.get("amount").asString()).fen();
        long interest = Money.parse(facts.get("interest").asString()).fen();
        assertThat(interest).as("interest settled up to the transfer day").isPositive();
        assertThat(Money.parse(facts.get("principal").asString()).fen()).isEqualTo(before);
        assertThat(amount).isEqualTo(before + interest);
        assertThat(facts.get("paidUpTo").asString()).isEqualTo(account(BEIJING, zhou).paidUpTo().orElseThrow().toString());
        assertThat(facts.get("lastSixMonthsContinuous").asBoolean()).isTrue();
        assertThat(facts.get("loansUsed").asInt()).isZero();
        assertThat(facts.get("loanUnsettled").asBoolean()).isFalse();
        assertThat(facts.get("fraudRecorded").asBoolean()).isFalse();
        assertThat(done.get("transferredHistory").size()).as("the old ledger travels with the money").isGreaterThanOrEqualTo(3);

        PersonalAccount old = account(BEIJING, zhou);
        assertThat(old.state()).isEqualTo(AccountState.TRANSFERRED_OUT);
        assertThat(old.ledgerBalance().fen()).isZero();
        assertThat(account(SHANGHAI, zhou).ledgerBalance().fen()).isEqualTo(amount);
        assertThat(transferInstructions(letter)).as("one bank instruction for the letter").isEqualTo(1);

        JsonNode atOld = awaitStatus(BEIJING, transferred, "00");
        assertThat(Money.parse(atOld.get("creditedAmount").asString()).fen()).isEqualTo(amount);
        assertThat(platformState(transferred)).isEqualTo("COMPLETED");

        // the person follows it with their own token
        String person = federation.token(federation.centerUrl(SHANGHAI), "zhou", "EMPLOYEE", zhou.value());
        Federation.Response mine = federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/transfers/mine", person);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get(0).get("statusCode").asString()).isEqualTo("00");
        String stranger = federation.token(federation.centerUrl(SHANGHAI), "wu", "EMPLOYEE", wu.value());
        assertThat(federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/transfers/" + transferred, stranger).status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void aCancellationAfterTheOldCenterAcceptedIsRefused() {
        Federation.Response cancel = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/transfers/" + transferred
                + "/cancellation", shanghaiClerk(), Map.of("reason", "申请人改变主意"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().get("code").asString()).isEqualTo("CANCEL_TOO_LATE");
        assertThat(transfer(SHANGHAI, transferred).get("statusCode").asString()).isEqualTo("00");
    }

    @Test
    @Order(3)
    void theOldCenterRefusesWithItsReasonAndNoMoneyMoves() {
        long before = account(BEIJING, wu).ledgerBalance().fen();
        String caseId = apply(wu, "吴刚").get("id").asString();
        awaitStatus(SHANGHAI, caseId, "01");

        Federation.Response refused = federation.post(federation.centerUrl(BEIJING) + "/api/v1/transfers/" + caseId + "/refusal",
                beijingReviewer(), Map.of("reasonCode", "UNDER_INVESTIGATION", "reason", "该账户正在核查补缴记录，暂不能转出"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);

        JsonNode atNew = awaitStatus(SHANGHAI, caseId, "13");
        assertThat(atNew.get("status").asString()).isEqualTo("转出审核不通过");
        assertThat(atNew.get("rejection").get("reason").asString()).isEqualTo("该账户正在核查补缴记录，暂不能转出");
        assertThat(account(BEIJING, wu).ledgerBalance().fen()).isEqualTo(before);
        assertThat(account(BEIJING, wu).state()).isEqualTo(AccountState.SEALED);
        assertThat(account(SHANGHAI, wu).ledgerBalance().fen()).isZero();

        // a person without an account at the old center is refused on arrival of the letter
        String none = apply(feng, "冯雪").get("id").asString();
        JsonNode noAccount = awaitStatus(SHANGHAI, none, "13");
        assertThat(noAccount.get("rejection").get("code").asString()).isEqualTo("NO_ACCOUNT");
    }

    @Test
    @Order(4)
    void theNewCenterCancelsBeforeAcceptanceAndTheOldCenterCanNoLongerAccept() {
        long before = account(BEIJING, zheng).ledgerBalance().fen();
        String caseId = apply(zheng, "郑洁").get("id").asString();
        awaitStatus(SHANGHAI, caseId, "01");

        Federation.Response cancelled = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/transfers/" + caseId
                + "/cancellation", shanghaiClerk(), Map.of("reason", "申请人已回原单位工作"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body().get("statusCode").asString()).isEqualTo("05");

        awaitStatus(BEIJING, caseId, "05");
        Federation.Response late = federation.post(federation.centerUrl(BEIJING) + "/api/v1/transfers/" + caseId + "/acceptance",
                beijingReviewer(), Map.of("fraudRecorded", false));
        assertThat(late.status()).isEqualTo(409);
        assertThat(account(BEIJING, zheng).ledgerBalance().fen()).isEqualTo(before);
        assertThat(account(BEIJING, zheng).state()).isEqualTo(AccountState.SEALED);
        assertThat(platformState(caseId)).isEqualTo("WITHDRAWN");
    }

    @Test
    @Order(5)
    void aSecondDeliveryOfEveryEventChangesNothing() throws Exception {
        Redelivery redelivery = new Redelivery(simulated.broker.getBrokersAsString());
        List<MongoOperations> stores = List.of(federation.platformBean(MongoOperations.class),
                federation.centerBean(BEIJING, MongoOperations.class), federation.centerBean(SHANGHAI, MongoOperations.class));
        List<String> groups = List.of("tongban-platform", "tongban-center-110000", "tongban-center-310000");
        redelivery.awaitQuiet(stores, groups);
        List<List<Document>> before = snapshot(stores);

        int sent = redelivery.redeliverAll(List.of(Topics.RELAY_INBOUND, Topics.centerInbound(Federation.code(BEIJING)),
                Topics.centerInbound(Federation.code(SHANGHAI))));
        assertThat(sent).as("every event of the four transfers").isGreaterThanOrEqualTo(20);
        redelivery.awaitQuiet(stores, groups);

        assertThat(snapshot(stores)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void theReconciliationShowsInEqualsOutAcrossTheTwoLedgers() {
        String letter = transfer(SHANGHAI, transferred).get("contactLetter").asString();
        JsonNode atOld = reconciliation(BEIJING);
        JsonNode atNew = reconciliation(SHANGHAI);

        JsonNode oldLine = line(atOld, letter);
        JsonNode newLine = line(atNew, letter);
        assertThat(oldLine.get("side").asString()).isEqualTo("OUT");
        assertThat(newLine.get("side").asString()).isEqualTo("IN");
        // each center's own ledger: out at Beijing, in at Shanghai
        long outOfBeijing = -ledgerEntry(BEIJING, zhou, "ZC-" + letter);
        long intoShanghai = ledgerEntry(SHANGHAI, zhou, "ZR-" + letter);
        assertThat(outOfBeijing).isPositive().isEqualTo(intoShanghai);
        assertThat(Money.parse(oldLine.get("out").asString()).fen()).isEqualTo(outOfBeijing);
        assertThat(Money.parse(newLine.get("in").asString()).fen()).isEqualTo(intoShanghai);
        assertThat(oldLine.get("balanced").asBoolean()).isTrue();
        assertThat(newLine.get("balanced").asBoolean()).isTrue();
        assertThat(atOld.get("differences").asInt()).isZero();
        assertThat(atNew.get("differences").asInt()).isZero();
        assertThat(atOld.get("totalOut").asString()).isEqualTo(atNew.get("totalIn").asString());
        assertThat(atOld.get("lines").size()).as("the refused and cancelled letters moved nothing").isEqualTo(4);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private String shanghaiClerk() {
        return federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
    }

    private String beijingReviewer() {
        return federation.token(federation.centerUrl(BEIJING), "bj-reviewer-01", "REVIEWER", null);
    }

    private JsonNode apply(IdentityNumber person, String name) {
        Federation.Response response = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/transfers", shanghaiClerk(),
                Map.of("oldCenter", BEIJING, "identityNumber", person.value(), "name", name,
                        "newAccountNumber", account(SHANGHAI, person).accountNumber()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    private JsonNode transfer(String center, String caseId) {
        String staff = federation.token(federation.centerUrl(center), "staff", "REVIEWER", null);
        Federation.Response response = federation.get(federation.centerUrl(center) + "/api/v1/transfers/" + caseId, staff);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitStatus(String center, String caseId, String code) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = transfer(center, caseId);
            assertThat(last[0].get("statusCode").asString()).as(last[0].toString()).isEqualTo(code);
        });
        return last[0];
    }

    private JsonNode reconciliation(String center) {
        String staff = federation.token(federation.centerUrl(center), "staff", "CENTER_ADMIN", null);
        Federation.Response response = federation.get(federation.centerUrl(center) + "/api/v1/transfers/reconciliation", staff);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode line(JsonNode report, String letter) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("contactLetter").asString().equals(letter)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + letter + " in " + report);
    }

    private static PersonalAccount account(String center, IdentityNumber person) {
        return federation.centerBean(center, AccountStore.class).findByIdentityNumber(person).orElseThrow();
    }

    private static long ledgerEntry(String center, IdentityNumber person, String serial) {
        return account(center, person).entries().stream().filter(e -> e.serialNumber().equals(serial)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + serial + " at " + center)).amount().fen();
    }

    private static long transferInstructions(String letter) {
        return federation.centerBean(BEIJING, MongoOperations.class).getCollection("transfer_instructions")
                .countDocuments(new Document("contactLetter", letter));
    }

    private static String platformState(String caseId) {
        Document found = federation.platformBean(MongoOperations.class).getCollection("cases")
                .find(new Document("_id", caseId)).first();
        return found == null ? null : found.getString("state");
    }

    private static List<List<Document>> snapshot(List<MongoOperations> stores) {
        List<List<Document>> all = new ArrayList<>();
        for (MongoOperations store : stores) {
            for (String collection : List.of("cases", "accounts", "transfer_instructions")) {
                all.add(store.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
            }
        }
        return all;
    }
}
