package cn.tongban.center.repayment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.contribution.AccountChange;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.RepaymentMethod;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.payment.PaymentTransition;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.center.loan.LoanBusinessType;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.loan.LoanPaidOff;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxPublisher;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.web.ApiProblem;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

/**
 * Paying off the small loan of {@link LoanPayoffQuotesTest} on 2026-03-25 (10,015.00 that day): the card is debited
 * once, whatever the bank and the network do and however often it is submitted, and the loan is closed once.
 */
class LoanPayoffServiceTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("loan_payoffs");
    static final String ACCOUNT = "110000000321";
    static final String CONTRACT = "JK110000-2026-0001";
    static final String INSTRUCTION = "PO-" + CONTRACT;
    static final String DEBITS = "/bank/v1/debits";
    static final String STATUS = DEBITS + "/" + INSTRUCTION;
    static final BankAccountNumber CARD = BankAccountNumber.of("6217000010001234567");
    static final Money QUOTED = Money.parse("10015.00");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 25);

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build());

    final MongoTemplate mongo = MONGO.template();
    final AtomicLong serials = new AtomicLong();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T02:00:00Z"));
    AccountStore accounts;
    LoanPayoffService payoffs;
    PersonalAccount account;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void aBorrower() {
        mongo.dropCollection(AccountStore.ACCOUNTS);
        mongo.dropCollection(PayoffInstructionStore.COLLECTION);
        accounts = new AccountStore(mongo);
        accounts.insertAccounts(List.of(new PersonalAccount(ACCOUNT, IdentityNumber.of("11010519491231002X"), "张三",
                "11000000000001", "北京华信数据科技有限公司", LocalDate.of(2015, 3, 1), AccountState.NORMAL,
                Money.parse("12000.00"), new BigDecimal("12"), new BigDecimal("12"), Money.parse("50000.00"), List.of(),
                List.of(new LoanRecord(CONTRACT, Money.parse("12000.00"), LocalDate.of(2026, 1, 10), 12,
                        Money.parse("10000.00"), null, AnnualRate.percent("3.6"), RepaymentMethod.EQUAL_PRINCIPAL)))));
        account = accounts.findByAccountNumber(ACCOUNT).orElseThrow();
        payoffs = service();
    }

    /** An instance of the center, on the same database. */
    LoanPayoffService service() {
        DepartmentsProperties.Timeouts timeouts = new DepartmentsProperties.Timeouts(Duration.ofSeconds(1),
                TestDepartments.READ_TIMEOUT);
        DepartmentsProperties departments = new DepartmentsProperties(URI.create(bank.baseUrl()), timeouts, timeouts,
                timeouts, timeouts, new DepartmentsProperties.Bank(Duration.ofSeconds(1), TestDepartments.READ_TIMEOUT,
                        new DepartmentsProperties.Payments(3, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(1))));
        OutboxPublisher idle = new OutboxPublisher(mongo, null, null, new MessagingProperties.Outbox(true,
                List.of(PayoffInstructionStore.COLLECTION), Duration.ofSeconds(1), 100, Duration.ofSeconds(30),
                Duration.ofSeconds(5)), clock, new SimpleMeterRegistry());
        PayoffEvents events = new PayoffEvents(() -> CaseId.of(CenterCode.of("110000"), TODAY, serials.incrementAndGet()),
                CenterCode.of("110000"), new OutgoingEvents(CODEC, "/centers/110000", clock));
        return new LoanPayoffService(new PayoffInstructionStore(mongo, new OutboxWriter(mongo, idle), clock),
                new LoanPayoffQuotes(accounts), TestDepartments.bank(bank.baseUrl()), mongo, departments, events, clock);
    }

    static ResponseDefinitionBuilder debitAnswer(String status) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"instructionId": "%s", "bankReference": "BR%s", "amountFen": 1001500, "currency": "CNY",
                 "status": "%s", "settledAt": "2026-03-25T02:00:05Z"}""".formatted(INSTRUCTION, INSTRUCTION, status));
    }

    static String settledStatus() {
        return """
                {"instructionId": "%s", "bankReference": "BR%s", "status": "SETTLED", "settledAt": "2026-03-25T02:00:05Z"}"""
                .formatted(INSTRUCTION, INSTRUCTION);
    }

    LoanRecord loan() {
        return accounts.findByAccountNumber(ACCOUNT).orElseThrow().loans().get(0);
    }

    List<Document> changes() {
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(ACCOUNT)), Document.class,
                AccountStore.ACCOUNTS);
        return stored.getList(AccountChange.FIELD, Document.class, List.of());
    }

    void assertClosedOnce() {
        assertThat(loan().repaidOn()).isEqualTo(TODAY);
        assertThat(loan().outstandingPrincipal()).isEqualTo(Money.ZERO);
        assertThat(changes()).singleElement().satisfies(change -> {
            assertThat(change.getString("businessType")).isEqualTo(LoanPayoffService.PAYOFF_BUSINESS_TYPE);
            assertThat(change.getString("what")).contains(CONTRACT);
            assertThat(change.getString("to")).isEqualTo("结清");
        });
        assertThat(loan().repayments()).as("the loan's ledger").singleElement().satisfies(entry -> {
            assertThat(entry.serialNumber()).isEqualTo(INSTRUCTION);
            assertThat(entry.type()).isEqualTo(LoanBusinessType.EARLY_REPAYMENT);
            assertThat(entry.amount()).isEqualTo(QUOTED);
            assertThat(entry.paidOn()).isEqualTo(TODAY);
        });
        assertThat(paidOffEvents()).as("one LoanPaidOff on the operations topic").singleElement().satisfies(event -> {
            assertThat(event.topic()).isEqualTo(Topics.PLATFORM_EVENTS);
            LoanPaidOff paidOff = CODEC.fromJson(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), LoanPaidOff.class);
            assertThat(paidOff.contractNumber()).isEqualTo(CONTRACT);
            assertThat(paidOff.payoffInstruction()).isEqualTo(INSTRUCTION);
            assertThat(paidOff.amount()).isEqualTo(QUOTED);
            assertThat(paidOff.repaidOn()).isEqualTo(TODAY);
            assertThat(event.data()).doesNotContain(ACCOUNT).doesNotContain("11010519491231002X");
        });
    }

    List<OutboxEvent> paidOffEvents() {
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(INSTRUCTION)), Document.class,
                PayoffInstructionStore.COLLECTION);
        return stored.getList(OutboxEvent.FIELD, Document.class, List.of()).stream()
                .map(d -> mongo.getConverter().read(OutboxEvent.class, d))
                .filter(e -> e.type().equals(LoanPaidOff.TYPE.toString())).toList();
    }

    @Test
    void theDebitSettlesAndTheLoanIsClosed() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("SETTLED")));

        PayoffInstruction done = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "clerk-7");

        assertThat(done.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(done.id()).isEqualTo(INSTRUCTION);
        assertThat(done.bankReference()).isEqualTo("BR" + INSTRUCTION);
        assertThat(done.settledAt()).isEqualTo(Instant.parse("2026-03-25T02:00:05Z"));
        assertThat(done.loanClosedOn()).isEqualTo(TODAY);
        assertThat(done.history()).extracting(PaymentTransition::to)
                .containsExactly(PaymentState.REQUESTED, PaymentState.SENT, PaymentState.SETTLED, PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS))
                .withHeader("Idempotency-Key", equalTo(INSTRUCTION))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo("1001500")))
                .withRequestBody(matchingJsonPath("$.payerAccount", equalTo(CARD.value()))));
        assertClosedOnce();
        assertThat(changes().get(0).getString("by")).isEqualTo("clerk-7");
    }

    @Test
    void anAcceptedDebitIsAskedAboutAndClosesTheLoanWhenSettled() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("ACCEPTED")));
        bank.stubFor(get(STATUS).willReturn(okJson(settledStatus())));

        PayoffInstruction done = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");

        assertThat(done.state()).isEqualTo(PaymentState.SETTLED);
        bank.verify(1, getRequestedFor(urlPathEqualTo(STATUS)));
        assertClosedOnce();
    }

    @Test
    void theSweepSettlesADebitLeftOpenAndClosesItsLoan() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("ACCEPTED")));
        bank.stubFor(get(STATUS).willReturn(aResponse().withStatus(503)));
        PayoffInstruction open = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");
        assertThat(open.state()).isIn(PaymentState.SENT, PaymentState.UNKNOWN);
        assertThat(loan().repaidOn()).isNull();

        bank.stubFor(get(STATUS).willReturn(okJson(settledStatus())));
        int changed = service().settleOpen(Duration.ofMinutes(2));

        assertThat(changed).isPositive();
        assertThat(payoffs.find(CONTRACT)).get().satisfies(done -> {
            assertThat(done.state()).isEqualTo(PaymentState.SETTLED);
            assertThat(done.loanClosedOn()).isEqualTo(TODAY);
            assertThat(done.sends()).isEqualTo(1);
        });
        assertThat(loan().repaidOn()).isEqualTo(TODAY);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
    }

    @Test
    void aTimeoutIsAnUnknownOutcomeThatTheBankSettlesSoTheCardIsDebitedOnce() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("SETTLED")
                .withFixedDelay((int) TestDepartments.READ_TIMEOUT.toMillis() * 3)));
        bank.stubFor(get(STATUS).willReturn(okJson(settledStatus())));

        PayoffInstruction done = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");

        assertThat(done.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(done.sends()).isEqualTo(1);
        assertThat(done.history()).extracting(PaymentTransition::to).startsWith(PaymentState.REQUESTED,
                PaymentState.SENT, PaymentState.UNKNOWN, PaymentState.SETTLED);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
        bank.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(STATUS)));
        assertClosedOnce();

        // submitted again, not having seen the answer: the same outcome, no second debit, the loan closed once
        PayoffInstruction again = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");
        assertThat(again.state()).isEqualTo(PaymentState.SETTLED);
        assertThat(again.id()).isEqualTo(done.id());
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
        assertClosedOnce();
    }

    @Test
    void theSameRequestTwiceDebitsOnce() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("SETTLED")));

        PayoffInstruction first = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");
        PayoffInstruction second = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");

        assertThat(second).isEqualTo(first);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
        assertClosedOnce();
    }

    @Test
    void theSameRequestTwiceAtOnceOnTwoInstancesDebitsOnce() throws Exception {
        // the bank takes a moment, so that the second submission finds the first one's debit on its way
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("ACCEPTED").withFixedDelay(300)));
        bank.stubFor(get(STATUS).willReturn(okJson(settledStatus())));
        List<LoanPayoffService> instances = List.of(payoffs, service());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PayoffInstruction>> outcomes = instances.stream().map(instance -> pool.submit(() -> {
                start.await();
                return instance.payoff(account, CONTRACT, CARD, QUOTED, "p");
            })).toList();
            start.countDown();
            for (Future<PayoffInstruction> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS).state()).isEqualTo(PaymentState.SETTLED);
            }
        } finally {
            pool.shutdownNow();
        }

        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
        assertClosedOnce();
        assertThat(payoffs.find(CONTRACT).orElseThrow().loanClosedOn()).isEqualTo(TODAY);
    }

    @Test
    void aQuoteThatNoLongerHoldsIsRefusedAndNothingIsDebited() {
        // quoted yesterday: 1.00 less interest than today
        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> payoffs.payoff(account, CONTRACT, CARD, Money.parse("10014.00"), "p"));

        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo(LoanPayoffService.QUOTE_CHANGED);
        assertThat(payoffs.find(CONTRACT)).isEmpty();
        bank.verify(0, postRequestedFor(urlPathEqualTo(DEBITS)));
        assertThat(loan().repaidOn()).isNull();
    }

    @Test
    void aSecondSubmissionWithAnotherCardIsRefused() {
        bank.stubFor(post(DEBITS).willReturn(debitAnswer("SETTLED")));
        payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> payoffs.payoff(account, CONTRACT, BankAccountNumber.of("6217000010009999999"), QUOTED, "p"));

        assertThat(problem.code()).isEqualTo(LoanPayoffService.PAYOFF_DIFFERS);
        bank.verify(1, postRequestedFor(urlPathEqualTo(DEBITS)));
    }

    @Test
    void aRefusedDebitFailsAndTheLoanStaysOpen() {
        bank.stubFor(post(DEBITS).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\": 422, \"code\": \"INSUFFICIENT_FUNDS\", \"detail\": \"余额不足\"}")));

        PayoffInstruction failed = payoffs.payoff(account, CONTRACT, CARD, QUOTED, "p");

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(loan().repaidOn()).isNull();
        assertThat(loan().outstandingPrincipal()).isEqualTo(Money.parse("10000.00"));
        assertThat(changes()).isEmpty();
    }
}
