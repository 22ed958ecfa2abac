package cn.tongban.center.payment;

import static cn.tongban.center.payment.PaymentFixtures.INSTRUCTION;
import static cn.tongban.center.payment.PaymentFixtures.PAYMENTS;
import static cn.tongban.center.payment.PaymentFixtures.STATUS;
import static cn.tongban.center.payment.PaymentFixtures.aWithdrawal;
import static cn.tongban.center.payment.PaymentFixtures.accepted;
import static cn.tongban.center.payment.PaymentFixtures.beyondTheTimeout;
import static cn.tongban.center.payment.PaymentFixtures.neverReceived;
import static cn.tongban.center.payment.PaymentFixtures.settled;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.contracts.Money;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.web.ApiProblem;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

/** A withdrawal is paid to the person's card once, whatever the bank and the network do, and however often it is submitted. */
class PaymentServiceTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("payments");

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MongoTemplate mongo = MONGO.template();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    final List<Object> published = new CopyOnWriteArrayList<>();
    PaymentInstructionStore store;
    PaymentService payments;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void freshStore() {
        mongo.dropCollection(PaymentInstructionStore.COLLECTION);
        store = new PaymentInstructionStore(mongo, new OutboxWriter(mongo, null), clock);
        payments = service(TestDepartments.bank(bank.baseUrl()), 3);
    }

    /** Another instance of the center, on the same database. */
    PaymentService service(BankSettlementClient client, int maxSends) {
        return new PaymentService(new PaymentInstructionStore(mongo, new OutboxWriter(mongo, null), clock), client,
                PaymentFixtures.departments(bank.baseUrl(), maxSends), published::add, clock);
    }

    static ResponseDefinitionBuilder acceptedAnswer() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(accepted());
    }

    static ResponseDefinitionBuilder neverReceivedAnswer() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withBody(neverReceived());
    }

    @Test
    void anOrdinaryPaymentIsSentOnceAndSettled() {
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));

        PaymentInstruction paid = payments.pay(aWithdrawal());

        assertThat(paid.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(paid.bankReference()).isEqualTo("BR" + INSTRUCTION);
        assertThat(paid.settledAt()).isEqualTo(Instant.parse("2026-11-25T02:00:05Z"));
        assertThat(paid.history()).extracting(PaymentTransition::to)
                .containsExactly(PaymentState.REQUESTED, PaymentState.SENT, PaymentState.SENT, PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withHeader("Idempotency-Key", equalTo(INSTRUCTION))
                .withRequestBody(matchingJsonPath("$.instructionId", equalTo(INSTRUCTION))));
        assertThat(published).containsExactly(new PaymentSettled(INSTRUCTION, PaymentFixtures.CASE, "110000000123",
                Money.parse("52000.00"), "BR" + INSTRUCTION, Instant.parse("2026-11-25T02:00:05Z")));
    }

    @Test
    void aTimeoutIsAnUnknownOutcomeThatTheBankSettlesSoThePersonIsPaidOnce() {
        // (a) the bank takes the instruction but answers too late; asked, it says settled
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer().withFixedDelay(beyondTheTimeout())));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));

        PaymentInstruction paid = payments.pay(aWithdrawal());

        assertThat(paid.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(paid.sends()).isEqualTo(1);
        assertThat(paid.history()).extracting(PaymentTransition::to)
                .containsExactly(PaymentState.REQUESTED, PaymentState.SENT, PaymentState.UNKNOWN, PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        bank.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(STATUS)));
        assertThat(published).hasSize(1).first().isInstanceOf(PaymentSettled.class);

        // the clerk, not having seen the answer, submits again: still no second instruction
        assertThat(payments.pay(aWithdrawal()).state()).isEqualTo(PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(published).hasSize(1);
    }

    @Test
    void anInstructionTheBankNeverReceivedIsSentAgainWithTheSameKeyAndSettlesOnce() {
        // (b) the first instruction is lost on the way; asked, the bank says it has none; sent again, it is paid
        bank.stubFor(post(PAYMENTS).inScenario("lost").whenScenarioStateIs(STARTED).willSetStateTo("first lost")
                .willReturn(acceptedAnswer().withFixedDelay(beyondTheTimeout())));
        bank.stubFor(get(STATUS).inScenario("lost").whenScenarioStateIs("first lost").willReturn(neverReceivedAnswer()));
        bank.stubFor(post(PAYMENTS).inScenario("lost").whenScenarioStateIs("first lost").willSetStateTo("received")
                .willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).inScenario("lost").whenScenarioStateIs("received").willReturn(okJson(settled())));

        PaymentInstruction paid = payments.pay(aWithdrawal());

        assertThat(paid.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(paid.sends()).isEqualTo(2);
        assertThat(requestsInOrder()).containsExactly("POST " + PAYMENTS, "GET " + STATUS, "POST " + PAYMENTS, "GET " + STATUS);
        bank.verify(2, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withHeader("Idempotency-Key", equalTo(INSTRUCTION))
                .withRequestBody(matchingJsonPath("$.instructionId", equalTo(INSTRUCTION))));
        assertThat(published).hasSize(1);
    }

    @RepeatedTest(5)
    void twoConcurrentSubmissionsMakeOneInstruction() throws Exception {
        // (c) two clerks, or a double click, on two instances of the center at the same moment
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer().withFixedDelay(100)));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));
        PaymentService otherInstance = service(TestDepartments.bank(bank.baseUrl()), 3);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        CountDownLatch together = new CountDownLatch(1);
        try {
            Future<PaymentInstruction> first = clerks.submit(() -> {
                together.await();
                return payments.pay(aWithdrawal());
            });
            Future<PaymentInstruction> second = clerks.submit(() -> {
                together.await();
                return otherInstance.pay(aWithdrawal());
            });
            together.countDown();

            assertThat(first.get(20, TimeUnit.SECONDS).state()).isEqualTo(PaymentState.SETTLED);
            assertThat(second.get(20, TimeUnit.SECONDS).state()).isEqualTo(PaymentState.SETTLED);
        } finally {
            clerks.shutdownNow();
        }
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(mongo.getCollection(PaymentInstructionStore.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void theSameCaseCannotBePaidWithAnotherAmount() {
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));
        payments.pay(aWithdrawal());
        WithdrawalPayment other = new WithdrawalPayment(PaymentFixtures.CASE, "110000000123",
                aWithdrawal().payeeAccount(), "张三", Money.parse("62000.00"));

        ApiProblem problem = catchThrowableOfType(() -> payments.pay(other), ApiProblem.class);

        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo("PAYMENT_DIFFERS");
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void aRefusalOfTheBankFailsThePaymentWithItsReason() {
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\": \"PAYEE_ACCOUNT_CLOSED\", \"detail\": \"The payee account is closed\"}")));

        PaymentInstruction failed = payments.pay(aWithdrawal());

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureCode()).isEqualTo("PAYEE_ACCOUNT_CLOSED");
        assertThat(published).containsExactly(new PaymentFailed(INSTRUCTION, PaymentFixtures.CASE, "110000000123",
                "PAYEE_ACCOUNT_CLOSED", "The payee account is closed"));
        assertThat(payments.pay(aWithdrawal()).state()).isEqualTo(PaymentState.FAILED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void aFailedPaymentIsPaidAgainUnderTheSameCaseAsANumberedAttemptOnce() {
        bank.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(INSTRUCTION)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\": \"PAYEE_ACCOUNT_CLOSED\", \"detail\": \"The payee account is closed\"}")));
        String second = INSTRUCTION + "-2";
        bank.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(second)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(accepted().replace(INSTRUCTION, second))));
        bank.stubFor(get(PAYMENTS + "/" + second).willReturn(okJson(settled().replace(INSTRUCTION, second))));
        assertThat(payments.pay(aWithdrawal()).state()).isEqualTo(PaymentState.FAILED);
        WithdrawalPayment again = aWithdrawal().nextAttempt(BankAccountNumber.of("6222000010009876543"));

        PaymentInstruction paid = payments.payAgain(again);
        PaymentInstruction twice = payments.payAgain(again);

        assertThat(paid.id()).isEqualTo(second);
        assertThat(paid.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(paid.payeeAccount()).isEqualTo("6222000010009876543");
        assertThat(twice.id()).isEqualTo(second);
        assertThat(payments.find(InstructionId.of(INSTRUCTION))).get().extracting(PaymentInstruction::state)
                .isEqualTo(PaymentState.FAILED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(second)));
        ApiProblem third = catchThrowableOfType(
                () -> payments.payAgain(again.nextAttempt(BankAccountNumber.of("6222000010009876543"))), ApiProblem.class);
        assertThat(third.code()).isEqualTo(PaymentService.PREVIOUS_ATTEMPT_NOT_FAILED);
    }

    @Test
    void aPaymentThatDidNotFailIsNotPaidAgain() {
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));
        payments.pay(aWithdrawal());

        ApiProblem refused = catchThrowableOfType(
                () -> payments.payAgain(aWithdrawal().nextAttempt(BankAccountNumber.of("6222000010009876543"))), ApiProblem.class);

        assertThat(refused.code()).isEqualTo(PaymentService.PREVIOUS_ATTEMPT_NOT_FAILED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void aBankThatCannotBeReachedLeavesThePaymentToBeSentLater() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PaymentService cutOff = service(TestDepartments.bank("http://127.0.0.1:" + closedPort), 3);

        PaymentInstruction waiting = cutOff.pay(aWithdrawal());

        assertThat(waiting.state()).isEqualTo(PaymentState.REQUESTED);
        assertThat(waiting.sends()).isZero();
        assertThat(waiting.failureReason()).isEqualTo("无法连接银行结算服务，请稍后再试");

        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).willReturn(okJson(settled())));
        assertThat(payments.pay(aWithdrawal()).state()).isEqualTo(PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void anUnknownOutcomeThatCannotBeAskedAboutStaysUnknownUntilTheSweepSettlesIt() {
        bank.stubFor(post(PAYMENTS).willReturn(serverError()));
        bank.stubFor(get(STATUS).willReturn(serverError()));

        PaymentInstruction open = payments.pay(aWithdrawal());

        assertThat(open.state()).isEqualTo(PaymentState.UNKNOWN);
        assertThat(open.failureReason()).isEqualTo("银行结算服务出错（HTTP 500），请稍后再试");

        bank.stubFor(get(STATUS).willReturn(okJson(settled())));
        assertThat(payments.settleOpen()).isEqualTo(1);

        assertThat(payments.find(InstructionId.of(INSTRUCTION)).orElseThrow().state()).isEqualTo(PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void afterMaxSendsAnInstructionTheBankKeepsMissingWaitsForAPerson() {
        bank.stubFor(post(PAYMENTS).willReturn(acceptedAnswer().withFixedDelay(beyondTheTimeout())));
        bank.stubFor(get(STATUS).willReturn(neverReceivedAnswer()));
        PaymentService twice = service(TestDepartments.bank(bank.baseUrl()), 2);

        PaymentInstruction open = twice.pay(aWithdrawal());

        assertThat(open.state()).isEqualTo(PaymentState.UNKNOWN);
        assertThat(open.sends()).isEqualTo(2);
        assertThat(open.failureReason()).isEqualTo("已发送 2 次，银行仍称未收到，需人工核实");
        bank.verify(2, postRequestedFor(urlPathEqualTo(PAYMENTS)));

        twice.settleOpen();
        bank.verify(2, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void anInstructionLeftSentByAProcessThatDiedIsAskedAboutBeforeItIsSentAgain() {
        // a process claimed the instruction and died before it knew what the bank did
        PaymentInstruction recorded = PaymentInstruction.requested(aWithdrawal(), clock.instant());
        assertThat(store.create(recorded)).isTrue();
        store.move(recorded, PaymentState.SENT, "发送银行", c -> c.set("sends", 1)).orElseThrow();
        bank.stubFor(get(STATUS).inScenario("died").whenScenarioStateIs(STARTED).willReturn(neverReceivedAnswer()));
        bank.stubFor(post(PAYMENTS).inScenario("died").willSetStateTo("received").willReturn(acceptedAnswer()));
        bank.stubFor(get(STATUS).inScenario("died").whenScenarioStateIs("received").willReturn(okJson(settled())));

        payments.settleOpen();
        assertThat(payments.find(InstructionId.of(INSTRUCTION)).orElseThrow().state())
                .as("not yet stale: the process may still be waiting for the bank").isEqualTo(PaymentState.SENT);
        bank.verify(0, postRequestedFor(urlPathEqualTo(PAYMENTS)));

        clock.advance(PaymentFixtures.STALE_AFTER.plusSeconds(1));
        assertThat(payments.settleOpen()).isEqualTo(1);

        PaymentInstruction paid = payments.find(InstructionId.of(INSTRUCTION)).orElseThrow();
        assertThat(paid.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(paid.sends()).isEqualTo(2);
        assertThat(requestsInOrder()).containsExactly("GET " + STATUS, "POST " + PAYMENTS, "GET " + STATUS);
    }

    /** The bank's requests, oldest first. */
    private static List<String> requestsInOrder() {
        List<String> requests = new ArrayList<>();
        for (ServeEvent event : bank.getAllServeEvents()) {
            requests.add(0, event.getRequest().getMethod() + " " + event.getRequest().getUrl());
        }
        return requests;
    }
}
