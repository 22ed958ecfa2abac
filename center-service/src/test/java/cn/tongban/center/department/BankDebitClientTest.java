package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.Money;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Debit instructions (委托扣款) to the bank: sent once with their key, read like payments, asked about on their own path. */
class BankDebitClientTest {

    static final String ID = "PO-JK110000-2026-0001";
    static final String DEBITS = "/bank/v1/debits";
    static final DebitOrder ORDER = new DebitOrder(InstructionId.of(ID), Money.parse("10015.00"),
            BankAccountNumber.of("6217000010001234567"), "张三", "住房公积金贷款提前还清");

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension simulator = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory(simulatorDirectory().toString()))
            .build();

    @Test
    void aDebitIsSentOnceWithItsIdAsTheIdempotencyKey() {
        bank.stubFor(post(DEBITS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"instructionId": "%s", "bankReference": "BR%s", "amountFen": 1001500, "status": "SETTLED",
                         "settledAt": "2026-03-25T02:00:05Z"}""".formatted(ID, ID))));

        PaymentAnswer answer = TestDepartments.bank(bank.baseUrl()).debit(ORDER);

        assertThat(answer).isEqualTo(new PaymentAnswer.Accepted("BR" + ID, BankPaymentStatus.SETTLED,
                Instant.parse("2026-03-25T02:00:05Z")));
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS))
                .withHeader("Idempotency-Key", equalTo(ID))
                .withRequestBody(matchingJsonPath("$.instructionId", equalTo(ID)))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo("1001500")))
                .withRequestBody(matchingJsonPath("$.payerAccount", equalTo("6217000010001234567"))));
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeAndTheDebitIsNotRetried() {
        bank.stubFor(post(DEBITS).willReturn(serverError()));

        assertThat(TestDepartments.bank(bank.baseUrl()).debit(ORDER)).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
    }

    @Test
    void anAnswerForAnotherAmountIsGarbledSoUnknown() {
        bank.stubFor(post(DEBITS).willReturn(okJson("""
                {"instructionId": "%s", "bankReference": "BR1", "amountFen": 1, "status": "SETTLED"}""".formatted(ID))));

        assertThat(TestDepartments.bank(bank.baseUrl()).debit(ORDER)).isInstanceOf(PaymentAnswer.OutcomeUnknown.class);
    }

    @Test
    void theStatusOfADebitIsAskedOnItsOwnPath() {
        bank.stubFor(get(DEBITS + "/" + ID).willReturn(okJson("""
                {"instructionId": "%s", "bankReference": "BR%s", "status": "SETTLED"}""".formatted(ID, ID))));
        bank.stubFor(get(DEBITS + "/PO-NEVER-SEEN").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\": 404, \"code\": \"INSTRUCTION_NOT_FOUND\"}")));
        BankSettlementClient client = TestDepartments.bank(bank.baseUrl());

        assertThat(client.debitStatus(InstructionId.of(ID))).isEqualTo(
                new InstructionStatus.Known(BankPaymentStatus.SETTLED, "BR" + ID, null, null));
        assertThat(client.debitStatus(InstructionId.of("PO-NEVER-SEEN"))).isEqualTo(new InstructionStatus.NotFound());
    }

    @Test
    void theSimulatorServesDebitsAndTheirStatus() {
        BankSettlementClient client = TestDepartments.bank(simulator.baseUrl());

        assertThat(client.debit(ORDER)).isInstanceOfSatisfying(PaymentAnswer.Accepted.class, accepted -> {
            assertThat(accepted.bankReference()).isEqualTo("BR" + ID);
            assertThat(accepted.status()).isEqualTo(BankPaymentStatus.SETTLED);
        });
        assertThat(client.debitStatus(InstructionId.of(ID))).isInstanceOfSatisfying(InstructionStatus.Known.class,
                known -> assertThat(known.status()).isEqualTo(BankPaymentStatus.SETTLED));
        assertThat(client.debitStatus(InstructionId.of("UNKNOWN-20260325-000001"))).isEqualTo(new InstructionStatus.NotFound());
    }

    private static Path simulatorDirectory() {
        for (Path candidate : new Path[] {Path.of("../deploy/simulator"), Path.of("deploy/simulator")}) {
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("deploy/simulator not found from " + Path.of("").toAbsolutePath());
    }
}
