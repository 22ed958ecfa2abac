package cn.tongban.center.withdrawal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.contribution.AccountChange;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.payment.TestPayments;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.center.policy.RetirementWithdrawalPolicy;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.web.ApiProblem;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

/**
 * Retirement withdrawal against an in-memory MongoDB, social security and the bank on WireMock: a retired person is
 * paid once and the account closes; someone not retired is refused; a second submission pays nothing more.
 */
class RetirementWithdrawalServiceTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("withdrawals");
    static final String ACCOUNT = "110000000123";
    static final String IDN = "11010519491231002X";
    static final BankAccountNumber CARD = BankAccountNumber.of("6217000010001234567");
    static final String RETIREMENT = "/social-security/v1/retirements/" + IDN;
    static final String PAYMENTS = "/bank/v1/payments";

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MongoTemplate mongo = MONGO.template();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    GenericApplicationContext payments;
    AccountStore accounts;
    RetirementWithdrawalService service;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        for (String collection : List.of(AccountStore.ACCOUNTS, WithdrawalCaseStore.COLLECTION, WithdrawalCaseStore.SEQUENCES,
                WithdrawalCaseStore.ACTIVE, "payment_instructions")) {
            mongo.dropCollection(collection);
        }
        accounts = new AccountStore(mongo);
        payments = TestPayments.context(departments.baseUrl(), mongo, clock);
        service = new RetirementWithdrawalService(new WithdrawalCaseStore(mongo, clock), accounts, mongo,
                TestDepartments.socialSecurity(departments.baseUrl()), payments.getBean(PaymentService.class),
                PolicyLoader.loadBundled(CenterCode.of("110000")), CenterCode.of("110000"), clock);
    }

    @AfterEach
    void closeContext() {
        payments.close();
    }

    /** An account whose whole balance was carried over today: no interest is due on closing it. */
    void anAccount(AccountState state, String balance, List<LoanRecord> loans) {
        anAccount(state, balance, LocalDate.of(2026, 11, 25), loans);
    }

    void anAccount(AccountState state, String balance, LocalDate since, List<LoanRecord> loans) {
        accounts.insertAccounts(List.of(PersonalAccount.withLedger(ACCOUNT, IdentityNumber.of(IDN), "张三", "11000000000001",
                "北京华信数据科技有限公司", LocalDate.of(1995, 3, 1), state, Money.parse("12000.00"), new BigDecimal("12"),
                new BigDecimal("12"), List.of(), loans, null, PersonalAccount.carriedOver(ACCOUNT, Money.parse(balance), since))));
    }

    PersonalAccount account() {
        return accounts.findByAccountNumber(ACCOUNT).orElseThrow();
    }

    void retired() {
        departments.stubFor(get(RETIREMENT).willReturn(okJson("""
                {"identityNumber": "%s", "retired": true, "retirementType": "NORMAL",
                 "retirementDate": "2026-10-31", "pensionStatus": "PAYING"}""".formatted(IDN))));
    }

    void bankSettlesAtOnce() {
        departments.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                        {"instructionId": "{{jsonPath request.body '$.instructionId'}}", "bankReference": "BR0001",
                         "amountFen": {{jsonPath request.body '$.amountFen'}}, "status": "SETTLED",
                         "settledAt": "2026-11-25T02:00:05Z"}""")));
    }

    @Test
    void theInterestUpToTheClosingDayIsSettledBeforeTheWholeBalanceIsPaid() {
        // 100,000.00 held from 1 July to 24 November 2026, 147 days, at Beijing's 1.50%:
        // 100,000 × 147 × 0.015 ÷ 360 = 612.50, credited on the closing day before the withdrawal
        anAccount(AccountState.NORMAL, "100000.00", LocalDate.of(2026, 7, 1), List.of());
        retired();
        bankSettlesAtOnce();

        WithdrawalCase done = service.apply(account(), CARD, "张三");

        assertThat(done.state()).isEqualTo(WithdrawalState.CLOSED);
        assertThat(done.amount()).isEqualTo(Money.parse("100612.50"));
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo("10061250"))));
        PersonalAccount closed = account();
        assertThat(closed.entries()).extracting(e -> e.serialNumber(), e -> e.type(), e -> e.amount()).containsExactly(
                tuple("JZ-" + ACCOUNT, cn.tongban.center.ledger.BusinessType.OTHER, Money.parse("100000.00")),
                tuple("XJ-" + done.id(), cn.tongban.center.ledger.BusinessType.INTEREST, Money.parse("612.50")),
                tuple("WD-" + done.id(), cn.tongban.center.ledger.BusinessType.CLOSING_WITHDRAWAL, Money.parse("-100612.50")));
        assertThat(closed.balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void aRetiredPersonIsPaidTheWholeBalanceOnceAndTheAccountIsClosed() {
        anAccount(AccountState.NORMAL, "210345.67", List.of());
        retired();
        bankSettlesAtOnce();

        WithdrawalCase done = service.apply(account(), CARD, "张三");

        assertThat(done.id()).matches("WD-110000-20261125-\\d{6}");
        assertThat(done.state()).isEqualTo(WithdrawalState.CLOSED);
        assertThat(done.amount()).isEqualTo(Money.parse("210345.67"));
        assertThat(done.retiredOn()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(done.decideBy()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(done.history()).extracting(WithdrawalHistoryEntry::to).containsExactly(WithdrawalState.SUBMITTED,
                WithdrawalState.CHECKED, WithdrawalState.PAYING, WithdrawalState.PAID, WithdrawalState.CLOSED);
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withHeader("Idempotency-Key", equalTo("WD-" + done.id()))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo("21034567")))
                .withRequestBody(matchingJsonPath("$.payeeAccount", equalTo(CARD.value()))));
        assertThat(payments.getBean(PaymentService.class).find(InstructionId.forWithdrawal(done.id())).orElseThrow().state())
                .isEqualTo(PaymentState.SETTLED);

        PersonalAccount closed = account();
        assertThat(closed.state()).isEqualTo(AccountState.WITHDRAWN_CLOSED);
        assertThat(closed.balance()).isEqualTo(Money.ZERO);
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(ACCOUNT)), Document.class,
                AccountStore.ACCOUNTS);
        List<Document> changes = stored.getList(AccountChange.FIELD, Document.class);
        assertThat(changes).hasSize(1);
        AccountChange change = mongo.getConverter().read(AccountChange.class, changes.get(0));
        assertThat(change.businessType()).isEqualTo("12");
        assertThat(change.from()).isEqualTo("01");
        assertThat(change.to()).isEqualTo("05");
        assertThat(changes.get(0).getString("serialNumber")).isEqualTo(done.id());
        assertThat(closed.entries()).last().satisfies(entry -> {
            assertThat(entry.serialNumber()).isEqualTo("WD-" + done.id());
            assertThat(entry.type()).isEqualTo(cn.tongban.center.ledger.BusinessType.CLOSING_WITHDRAWAL);
            assertThat(entry.amount()).isEqualTo(Money.parse("-210345.67"));
        });
        assertThat(closed.ledgerBalance()).isEqualTo(Money.ZERO);
    }

    @Test
    void submittingTheSameWithdrawalAgainPaysOnceAndAnswersWithTheSameCase() {
        anAccount(AccountState.SEALED, "80000.00", List.of());
        retired();
        bankSettlesAtOnce();

        WithdrawalCase first = service.apply(account(), CARD, "张三");
        WithdrawalCase second = service.apply(account(), CARD, "张三");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.state()).isEqualTo(WithdrawalState.CLOSED);
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(mongo.count(new Query(), WithdrawalCaseStore.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aSecondSubmissionWhileThePaymentIsOpenAsksTheBankAndDoesNotPayAgain() {
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        retired();
        departments.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                        {"instructionId": "{{jsonPath request.body '$.instructionId'}}", "bankReference": "BR0002",
                         "status": "ACCEPTED"}""")));
        departments.stubFor(get(urlPathMatching(PAYMENTS + "/.*")).inScenario("settling").whenScenarioStateIs("Started")
                .willSetStateTo("settled").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                                {"instructionId": "{{request.pathSegments.[3]}}", "bankReference": "BR0002",
                                 "status": "PROCESSING"}""")));
        departments.stubFor(get(urlPathMatching(PAYMENTS + "/.*")).inScenario("settling").whenScenarioStateIs("settled")
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                                {"instructionId": "{{request.pathSegments.[3]}}", "bankReference": "BR0002",
                                 "status": "SETTLED", "settledAt": "2026-11-25T02:10:00Z"}""")));

        WithdrawalCase open = service.apply(account(), CARD, "张三");
        assertThat(open.state()).isEqualTo(WithdrawalState.PAYING);
        assertThat(account().state()).isEqualTo(AccountState.NORMAL);

        WithdrawalCase again = service.apply(account(), CARD, "张三");

        assertThat(again.id()).isEqualTo(open.id());
        assertThat(again.state()).isEqualTo(WithdrawalState.CLOSED);
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(account().state()).isEqualTo(AccountState.WITHDRAWN_CLOSED);
    }

    @Test
    void aPersonNotRetiredIsRefusedWithTheReasonAndNothingIsPaid() {
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        departments.stubFor(get(RETIREMENT).willReturn(okJson("""
                {"identityNumber": "%s", "retired": false, "insuranceStatus": "CONTRIBUTING"}""".formatted(IDN))));

        WithdrawalCase refused = service.apply(account(), CARD, "张三");

        assertThat(refused.state()).isEqualTo(WithdrawalState.REJECTED);
        assertThat(refused.rejectionCode()).isEqualTo(RetirementWithdrawalPolicy.RETIREMENT_NOT_CONFIRMED);
        assertThat(refused.rejectionReason()).contains("没有您的退休记录");
        departments.verify(0, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(account().state()).isEqualTo(AccountState.NORMAL);
        assertThat(account().balance()).isEqualTo(Money.parse("80000.00"));

        // refused cases do not block a later application, which is a new case
        retired();
        bankSettlesAtOnce();
        WithdrawalCase later = service.apply(account(), CARD, "张三");
        assertThat(later.id()).isNotEqualTo(refused.id());
        assertThat(later.state()).isEqualTo(WithdrawalState.CLOSED);
    }

    @Test
    void anOutstandingFundLoanIsRefusedByBeijingsPolicy() {
        anAccount(AccountState.NORMAL, "80000.00", List.of(LoanRecord.legacy("JK2020-001", Money.parse("300000.00"),
                LocalDate.of(2020, 1, 10), 120, Money.parse("150000.00"), null)));
        retired();

        WithdrawalCase refused = service.apply(account(), CARD, "张三");

        assertThat(refused.rejectionCode()).isEqualTo(RetirementWithdrawalPolicy.LOAN_OUTSTANDING);
        departments.verify(0, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void whenSocialSecurityIsUnavailableTheCaseStaysSubmittedAndASecondSubmissionResumesIt() {
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        departments.stubFor(get(RETIREMENT).willReturn(serverError()));

        DepartmentException unavailable = catchThrowableOfType(DepartmentException.class,
                () -> service.apply(account(), CARD, "张三"));

        assertThat(unavailable.status()).isIn(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY);
        List<WithdrawalCase> kept = mongo.findAll(WithdrawalCase.class, WithdrawalCaseStore.COLLECTION);
        assertThat(kept).singleElement().extracting(WithdrawalCase::state).isEqualTo(WithdrawalState.SUBMITTED);

        departments.resetAll();
        retired();
        bankSettlesAtOnce();
        WithdrawalCase resumed = service.apply(account(), CARD, "张三");
        assertThat(resumed.id()).isEqualTo(kept.get(0).id());
        assertThat(resumed.state()).isEqualTo(WithdrawalState.CLOSED);
    }

    @Test
    void anOpenCaseIsNotTakenOverWithAnotherCard() {
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        departments.stubFor(get(RETIREMENT).willReturn(serverError()));
        catchThrowableOfType(DepartmentException.class, () -> service.apply(account(), CARD, "张三"));

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> service.apply(account(), BankAccountNumber.of("6222000099998888777"), "张三"));

        assertThat(problem.code()).isEqualTo(RetirementWithdrawalService.CASE_OPEN_WITH_OTHER_CARD);
        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aFailedPaymentIsPaidAgainToAnotherCardOnceAndTheAccountClosesOnce() {
        BankAccountNumber newCard = BankAccountNumber.of("6222021001234567890");
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        retired();
        departments.stubFor(post(PAYMENTS).withRequestBody(matchingJsonPath("$.payeeAccount", equalTo(CARD.value())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\": \"PAYEE_ACCOUNT_CLOSED\", \"detail\": \"The payee account is closed\"}")));
        departments.stubFor(post(PAYMENTS).withRequestBody(matchingJsonPath("$.payeeAccount", equalTo(newCard.value())))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template").withBody("""
                                {"instructionId": "{{jsonPath request.body '$.instructionId'}}", "bankReference": "BR0003",
                                 "status": "SETTLED", "settledAt": "2026-11-25T02:00:05Z"}""")));
        WithdrawalCase failed = service.apply(account(), CARD, "张三");
        assertThat(failed.state()).isEqualTo(WithdrawalState.PAYMENT_FAILED);
        assertThat(account().balance()).isEqualTo(Money.parse("80000.00"));

        WithdrawalCase paid = service.payAgain(failed.id(), newCard, "clerk-1");

        assertThat(paid.state()).isEqualTo(WithdrawalState.CLOSED);
        assertThat(paid.paymentInstructionId()).isEqualTo("WD-" + failed.id() + "-2");
        assertThat(paid.history()).extracting(WithdrawalHistoryEntry::to).containsSubsequence(WithdrawalState.PAYING,
                WithdrawalState.PAYMENT_FAILED, WithdrawalState.PAYING, WithdrawalState.PAID, WithdrawalState.CLOSED);
        PaymentService payments = this.payments.getBean(PaymentService.class);
        assertThat(payments.find(InstructionId.forWithdrawal(failed.id())).orElseThrow().state()).isEqualTo(PaymentState.FAILED);
        assertThat(payments.find(InstructionId.of("WD-" + failed.id() + "-2")).orElseThrow().state())
                .isEqualTo(PaymentState.SETTLED);
        assertThat(account().state()).isEqualTo(AccountState.WITHDRAWN_CLOSED);
        assertThat(account().entries()).filteredOn(e -> e.type() == cn.tongban.center.ledger.BusinessType.CLOSING_WITHDRAWAL)
                .singleElement().satisfies(e -> {
                    assertThat(e.serialNumber()).isEqualTo("WD-" + failed.id() + "-2");
                    assertThat(e.amount()).isEqualTo(Money.parse("-80000.00"));
                });

        // once paid, it is not paid again
        ApiProblem again = catchThrowableOfType(ApiProblem.class, () -> service.payAgain(failed.id(), newCard, "clerk-1"));
        assertThat(again.code()).isEqualTo(RetirementWithdrawalService.NOT_PAYMENT_FAILED);
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)).withHeader("Idempotency-Key",
                equalTo("WD-" + failed.id() + "-2")));
        departments.verify(2, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @Test
    void aCaseWhosePaymentDidNotFailIsNotPaidAgain() {
        anAccount(AccountState.NORMAL, "80000.00", List.of());
        retired();
        bankSettlesAtOnce();
        WithdrawalCase closed = service.apply(account(), CARD, "张三");

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> service.payAgain(closed.id(), BankAccountNumber.of("6222021001234567890"), "clerk-1"));

        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo(RetirementWithdrawalService.NOT_PAYMENT_FAILED);
        departments.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }
}
