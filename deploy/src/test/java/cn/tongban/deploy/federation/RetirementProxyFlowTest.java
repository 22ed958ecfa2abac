package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.JsonNode;

/**
 * Normal retirement withdrawal (item 03) by proxy (代收代办), end to end: a retired Beijing contributor who now lives in
 * Shanghai applies at a Shanghai counter; the platform relays; Beijing confirms the retirement with social security,
 * applies its policy, pays the whole balance once and closes the account — the same core as the fully-online item —
 * and reports back; the Shanghai clerk completes the case.
 */
class RetirementProxyFlowTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";

    static SimulatedFederation simulated;
    static Federation federation;
    static IdentityNumber wu;
    static IdentityNumber zheng;
    static IdentityNumber wang;

    @BeforeAll
    static void startFederation() {
        simulated = SimulatedFederation.start("retire_", Map.of(), Map.of(BEIJING, Map.of(), SHANGHAI, Map.of()));
        federation = simulated.federation;
        wu = People.identityNumber("110102", LocalDate.of(1958, 5, 6));
        zheng = People.identityNumber("110105", LocalDate.of(1990, 2, 17));
        wang = People.identityNumber("110108", LocalDate.of(1961, 12, 1));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(
                People.account(wu, "吴建华", AccountState.SEALED, 24),
                People.account(zheng, "郑爽", AccountState.NORMAL, 24),
                People.account(wang, "王淑珍", AccountState.SEALED, 12)));
    }

    @AfterAll
    static void stopFederation() {
        if (simulated != null) {
            simulated.close();
        }
    }

    private String clerk() {
        return federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
    }

    private Federation.Response apply(String token, IdentityNumber person, String name, String card) {
        return federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/proxy/retirement-withdrawals", token,
                Map.of("homeCenter", BEIJING, "applicant", Map.of("identityNumber", person.value(), "name", name),
                        "bankAccount", card, "identityVerified", true, "formChecked", true));
    }

    private PersonalAccount account(IdentityNumber person) {
        return federation.centerBean(BEIJING, AccountStore.class).findByIdentityNumber(person).orElseThrow();
    }

    @Test
    void theHomeCenterPaysTheWholeBalanceOnceClosesTheAccountAndTheCounterCompletesIt() {
        String clerk = clerk();
        cn.tongban.contracts.Money balance = account(wu).balance();
        Federation.Response submitted = apply(clerk, wu, "吴建华", "6222021001234567891");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.body().get("item").asString()).isEqualTo("03");
        assertThat(submitted.body().get("mode").asString()).isEqualTo("PROXY");
        String caseId = submitted.body().get("id").asString();

        federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        JsonNode atShanghai = federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId, clerk).body();
        PersonalAccount closedAccount = account(wu);
        // the whole balance plus the interest settled up to the closing day (销户结息), booked under XJ-<case>
        cn.tongban.contracts.Money closingInterest = closedAccount.entries().stream()
                .filter(entry -> entry.serialNumber().startsWith("XJ-")).map(entry -> entry.amount())
                .reduce(cn.tongban.contracts.Money.ZERO, cn.tongban.contracts.Money::plus);
        assertThat(closingInterest.fen()).isPositive();
        assertThat(atShanghai.get("result").get("amount").asString()).isEqualTo(balance.plus(closingInterest).toString());
        assertThat(atShanghai.get("result").get("accountClosed").asString()).isEqualTo("true");
        assertThat(atShanghai.get("result").get("retiredOn").asString()).isEqualTo("2018-05-06");
        assertThat(atShanghai.get("result").get("bankReference").asString()).startsWith("BR");
        assertThat(atShanghai.get("receiptNumber").asString()).isEqualTo("TQ-110000-" + caseId);

        PersonalAccount closed = account(wu);
        assertThat(closed.state()).isEqualTo(AccountState.WITHDRAWN_CLOSED);
        assertThat(closed.balance().fen()).isZero();

        Federation.Response completed = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId
                + "/completion", clerk, null);
        assertThat(completed.body().get("state").asString()).isEqualTo("COMPLETED");
        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        JsonNode atPlatform = federation.awaitCaseState(federation.platformUrl(), operator, caseId, "COMPLETED");
        assertThat(atPlatform.get("mode").asString()).isEqualTo("PROXY");
        String beijing = federation.token(federation.centerUrl(BEIJING), "bj-clerk-001", "COUNTER_CLERK", null);
        federation.awaitCaseState(federation.centerUrl(BEIJING), beijing, caseId, "COMPLETED");

        // applying again (at another counter visit) answers with the same withdrawal: nothing is paid twice
        String again = apply(clerk, wu, "吴建华", "6222021001234567891").body().get("id").asString();
        federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, again, "RESULT_SENT");
        JsonNode second = federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + again, clerk).body();
        assertThat(second.get("result").get("withdrawalCase").asString())
                .isEqualTo(atShanghai.get("result").get("withdrawalCase").asString());
        assertThat(federation.centerBean(BEIJING, MongoOperations.class).getCollection("payment_instructions")
                .countDocuments(new Document("accountNumber", closed.accountNumber()))).isEqualTo(1);
    }

    @Test
    void theHomeCenterRefusesWhenSocialSecurityHasNoRetirementTheCardIsClosedOrThereIsNoAccount() {
        String clerk = clerk();
        String notRetired = apply(clerk, zheng, "郑爽", "6222021001234567892").body().get("id").asString();
        String closedCard = apply(clerk, wang, "王淑珍", "6222020000000000000").body().get("id").asString();
        IdentityNumber stranger = People.identityNumber("110106", LocalDate.of(1955, 1, 1));
        String noAccount = apply(clerk, stranger, "冯刚", "6222021001234567893").body().get("id").asString();

        assertThat(rejection(clerk, notRetired)).isEqualTo("RETIREMENT_NOT_CONFIRMED");
        assertThat(rejection(clerk, closedCard)).isEqualTo("PAYEE_ACCOUNT_CLOSED");
        assertThat(rejection(clerk, noAccount)).isEqualTo("NO_SUCH_ACCOUNT");
        assertThat(account(wang).state()).as("nothing paid: the account stays open").isEqualTo(AccountState.SEALED);
        assertThat(account(zheng).state()).isEqualTo(AccountState.NORMAL);
    }

    @Test
    void anItemIsSentOnlyInAModeTheCatalogueGivesIt() {
        Federation.Response joint = federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/03/requests", clerk(),
                Map.of("handlingCenter", BEIJING, "mode", "JOINT", "applicant", Map.of("identityNumber", wu.value(), "name", "吴建华"),
                        "form", Map.of("bankAccount", "6222021001234567891"), "identityVerified", true, "formChecked", true));

        assertThat(joint.status()).isEqualTo(400);
        assertThat(joint.body().get("code").asString()).isEqualTo("ITEM_NOT_IN_MODE");
    }

    private String rejection(String clerk, String caseId) {
        return federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, caseId, "REJECTED")
                .get("rejection").get("code").asString();
    }
}
