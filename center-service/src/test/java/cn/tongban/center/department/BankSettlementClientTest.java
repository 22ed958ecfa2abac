package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.contracts.Money;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bank's three endpoints; above all, that a payment instruction is sent once, whatever happens to it. */
class BankSettlementClientTest {

    static final InstructionId ID = InstructionId.forWithdrawal("110000-20261125-000042");
    static final PaymentOrder ORDER = new PaymentOrder(ID, Money.parse("52000.00"),
            BankAccountNumber.of("6217000010001234567"), "张三", "住房公积金提取");
    static final String PAYMENTS = "/bank/v1/payments";
    static final String STATUS = PAYMENTS + "/" + ID.value();

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    BankSettlementClient client;

    @BeforeEach
    void client() {
        client = TestDepartments.bank(bank.baseUrl());
    }

    static String accepted(String status) {
        return """
                {"instructionId": "WD-110000-20261125-000042", "idempotencyKey": "WD-110000-20261125-000042",
                 "bankReference": "BR0001", "amountFen": 5200000, "currency": "CNY", "status": "%s",
                 "acceptedAt": "2026-11-25T02:00:00Z"}""".formatted(status);
    }

    @Test
    void theInstructionGoesWithItsIdAsIdempotencyKeyAndIsAccepted() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(accepted("ACCEPTED"))));

        PaymentAnswer answer = client.pay(ORDER);

        assertThat(answer).isEqualTo(new PaymentAnswer.Accepted("BR0001", BankPaymentStatus.ACCEPTED, null));
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withHeader("Idempotency-Key", equalTo("WD-110000-20261125-000042"))
                .withRequestBody(equalToJson("""
                        {"instructionId": "WD-110000-20261125-000042", "amountFen": 5200000, "currency": "CNY",
                         "payeeAccount": "6217000010001234567", "payeeName": "张三", "remark": "住房公积金提取"}""")));
    }

    @Test
    void aRefusalOfTheBankIsARejectionWithItsCode() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\": \"PAYEE_ACCOUNT_CLOSED\", \"detail\": \"The payee account is closed\", \"instructionStatus\": \"REJECTED\"}")));

        assertThat(client.pay(ORDER)).isEqualTo(new PaymentAnswer.Rejected("PAYEE_ACCOUNT_CLOSED", "The payee account is closed"));
    }

    @Test
    void aSlowBankLeavesTheOutcomeUnknownAndTheInstructionIsNotSentAgain() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(accepted("ACCEPTED")).withFixedDelay(SocialSecurityClientTest.slow())));

        PaymentAnswer answer = client.pay(ORDER);

        assertThat(answer).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
        assertThat(((PaymentAnswer.OutcomeUnknown) answer).reasonCode()).isEqualTo("TIMEOUT");
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void aServerErrorLeavesTheOutcomeUnknownAndTheInstructionIsNotSentAgain() {
        bank.stubFor(post(PAYMENTS).willReturn(serverError()));

        assertThat(client.pay(ORDER)).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void anUnreadableAcceptanceLeavesTheOutcomeUnknown() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"instructionId\": \"WD-110000-20261125-000042\", \"status\": ")));

        PaymentAnswer answer = client.pay(ORDER);

        assertThat(answer).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
        assertThat(((PaymentAnswer.OutcomeUnknown) answer).reasonCode()).isEqualTo("NOT_JSON");
    }

    @Test
    void anAcceptanceOfAnotherAmountIsNotTakenForAnAcceptance() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(accepted("ACCEPTED").replace("5200000", "520000"))));

        assertThat(client.pay(ORDER)).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
    }

    @Test
    void whenTheBreakerIsOpenTheInstructionCertainlyDidNotReachTheBank() {
        bank.stubFor(post(PAYMENTS).willReturn(serverError()));
        for (int call = 0; call < TestDepartments.BREAKER_WINDOW; call++) {
            client.pay(ORDER);
        }

        PaymentAnswer answer = client.pay(ORDER);

        assertThat(answer).isEqualTo(new PaymentAnswer.NotReceived("CIRCUIT_OPEN", "银行结算服务近期多次无法访问，已暂停调用，请稍后再试"));
        bank.verify(TestDepartments.BREAKER_WINDOW, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void theStatusOfASettledInstruction() {
        bank.stubFor(get(STATUS).willReturn(okJson("""
                {"instructionId": "WD-110000-20261125-000042", "bankReference": "BR0001", "status": "SETTLED",
                 "settledAt": "2026-11-25T02:00:05Z"}""")));

        assertThat(client.status(ID)).isEqualTo(new InstructionStatus.Known(BankPaymentStatus.SETTLED, "BR0001",
                Instant.parse("2026-11-25T02:00:05Z"), null));
    }

    @Test
    void neverReceivedOnlyWhenTheBankSaysSoInItsOwnWords() {
        bank.stubFor(get(STATUS).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\": \"INSTRUCTION_NOT_FOUND\", \"detail\": \"The bank has no payment instruction with this id\"}")));

        assertThat(client.status(ID)).isEqualTo(new InstructionStatus.NotFound());
    }

    @Test
    void aBare404IsNotTakenForNeverReceived() {
        bank.stubFor(get(STATUS).willReturn(aResponse().withStatus(404).withBody("Not Found")));

        assertThatThrownBy(() -> client.status(ID)).isInstanceOf(DepartmentRefusedRequest.class);
    }

    @Test
    void aStatusQueryThatTimesOutIsTriedAgain() {
        bank.stubFor(get(STATUS).willReturn(okJson("{}").withFixedDelay(SocialSecurityClientTest.slow())));

        assertThat(catchThrowableOfType(() -> client.status(ID), DepartmentUnavailable.class).reasonCode()).isEqualTo("TIMEOUT");
        bank.verify(TestDepartments.QUERY_ATTEMPTS, getRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Test
    void theStatementOfADay() {
        bank.stubFor(get("/bank/v1/statements/2026-11-25").willReturn(okJson("""
                {"statementDate": "2026-11-25", "currency": "CNY", "entries": [
                  {"instructionId": "WD-110000-20261125-000042", "bankReference": "BR0001", "amountFen": 5200000,
                   "status": "SETTLED", "settledAt": "2026-11-25T02:00:05Z"},
                  {"instructionId": "WD-110000-20261124-000007", "amountFen": 100, "status": "RETURNED"}]}""")));

        BankStatement statement = client.statement(LocalDate.of(2026, 11, 25));

        assertThat(statement.lines()).containsExactly(
                new BankStatement.Line(ID, "BR0001", Money.parse("52000.00"), BankPaymentStatus.SETTLED,
                        Instant.parse("2026-11-25T02:00:05Z")),
                new BankStatement.Line(InstructionId.of("WD-110000-20261124-000007"), null, Money.ofFen(100),
                        BankPaymentStatus.RETURNED, null));
    }

    @Test
    void aStatementOfAnotherDayIsGarbled() {
        bank.stubFor(get("/bank/v1/statements/2026-11-25").willReturn(okJson("{\"statementDate\": \"2026-11-24\", \"entries\": []}")));

        assertThat(catchThrowableOfType(() -> client.statement(LocalDate.of(2026, 11, 25)), DepartmentAnswerGarbled.class)
                .reasonCode()).isEqualTo("WRONG_SUBJECT");
    }

    @Test
    void aPaymentInstructionIsNeverGivenARetry() {
        assertThatThrownBy(() -> new BankSettlementClient(TestDepartments.http(Department.BANK, bank.baseUrl()),
                TestDepartments.queries(Department.BANK), TestDepartments.queries(Department.BANK)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
