package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.contracts.IdentityNumber;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "A catalogue to which more items are added over time": a ninth item is configuration plus one handler. Item 09 (a
 * personal contribution certificate by proxy) is added to the platform's and both centers' configuration, the home
 * center names {@link ContributionCertificateHandler} as its handler, and the item then runs end to end through the
 * platform like the legislated ones — no code of the services changed.
 */
class NinthItemTest {

    static final String BEIJING = "110000";
    static final String SHANGHAI = "310000";

    static SimulatedFederation simulated;
    static Federation federation;
    static IdentityNumber he;

    @BeforeAll
    static void startFederation() {
        Map<String, Object> item = Map.of(
                "tongban.catalogue.items[0].code", "09",
                "tongban.catalogue.items[0].name", "PERSONAL_CONTRIBUTION_CERTIFICATE",
                "tongban.catalogue.items[0].chinese-name", "出具个人住房公积金缴存证明",
                "tongban.catalogue.items[0].modes", "PROXY");
        Map<String, Object> platform = new HashMap<>(item);
        platform.put("tongban.platform.deadlines.time-limits.09", "2");
        Map<String, Object> handling = new HashMap<>(item);
        handling.put("tongban.catalogue.items[0].handler", ContributionCertificateHandler.class.getName());
        simulated = SimulatedFederation.start("ninth_", platform, Map.of(BEIJING, handling, SHANGHAI, item));
        federation = simulated.federation;
        he = People.identityNumber("110105", LocalDate.of(1987, 8, 8));
        federation.centerBean(BEIJING, AccountStore.class).insertAccounts(List.of(People.account(he, "何平", AccountState.NORMAL, 18)));
    }

    @AfterAll
    static void stopFederation() {
        if (simulated != null) {
            simulated.close();
        }
    }

    private Federation.Response request(String token, String mode, IdentityNumber person, String name) {
        return federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/09/requests", token,
                Map.of("handlingCenter", BEIJING, "mode", mode, "applicant", Map.of("identityNumber", person.value(), "name", name),
                        "form", Map.of("purpose", "租房备案"), "identityVerified", true, "formChecked", true));
    }

    @Test
    void aNinthItemAddedByConfigurationAndOneHandlerRunsEndToEnd() {
        String clerk = federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
        Federation.Response submitted = request(clerk, "PROXY", he, "何平");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.body().get("itemName").asString()).isEqualTo("出具个人住房公积金缴存证明");
        String caseId = submitted.body().get("id").asString();

        federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, caseId, "RESULT_SENT");
        JsonNode result = federation.get(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId, clerk).body();
        assertThat(result.get("result").get("balance").asString()).isEqualTo("51840.00");
        assertThat(result.get("result").get("purpose").asString()).isEqualTo("租房备案");
        assertThat(result.get("receiptNumber").asString()).isEqualTo("JCZM-110000-" + caseId);

        String operator = federation.token(federation.platformUrl(), "ops-01", "PLATFORM_OPERATOR", null);
        JsonNode atPlatform = federation.awaitCaseState(federation.platformUrl(), operator, caseId, "RESULT_SENT");
        assertThat(atPlatform.get("item").asString()).isEqualTo("09");
        assertThat(atPlatform.get("dueAt").isNull()).as("its time limit comes from configuration too").isFalse();

        federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/cases/" + caseId + "/completion", clerk, null);
        federation.awaitCaseState(federation.platformUrl(), operator, caseId, "COMPLETED");

        JsonNode catalogue = federation.get(federation.platformUrl() + "/api/v1/catalogue", operator).body();
        assertThat(catalogue).hasSize(9);
        JsonNode ninth = catalogue.get(8);
        assertThat(ninth.get("code").asString()).isEqualTo("09");
        assertThat(ninth.get("timeLimitWorkingDays").asInt()).isEqualTo(2);
        assertThat(ninth.get("legislated").asBoolean()).isFalse();
    }

    @Test
    void theNinthItemIsRefusedWithAReasonAndOnlyInItsModes() {
        String clerk = federation.token(federation.centerUrl(SHANGHAI), "sh-clerk-007", "COUNTER_CLERK", null);
        IdentityNumber stranger = People.identityNumber("110106", LocalDate.of(1993, 3, 3));
        String refused = request(clerk, "PROXY", stranger, "陈晨").body().get("id").asString();
        assertThat(federation.awaitCaseState(federation.centerUrl(SHANGHAI), clerk, refused, "REJECTED")
                .get("rejection").get("code").asString()).isEqualTo("NO_SUCH_ACCOUNT");

        Federation.Response joint = request(clerk, "JOINT", he, "何平");
        assertThat(joint.status()).isEqualTo(400);
        assertThat(joint.body().get("code").asString()).isEqualTo("ITEM_NOT_IN_MODE");
        assertThat(federation.post(federation.centerUrl(SHANGHAI) + "/api/v1/items/10/requests", clerk, Map.of()).status())
                .as("an item nobody configured").isIn(400, 404);
    }
}
