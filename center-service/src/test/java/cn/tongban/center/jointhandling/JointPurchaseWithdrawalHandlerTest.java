package cn.tongban.center.jointhandling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.certificate.CertificateKind;
import cn.tongban.center.seal.IssuedCertificate;
import cn.tongban.center.seal.SealedCertificates;
import cn.tongban.center.seal.Verification;
import cn.tongban.center.seal.TestSealedCertificates;
import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.catalogue.ItemAnswer;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.payment.TestPayments;
import cn.tongban.center.policy.Buyer;
import cn.tongban.center.policy.HomeKind;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The contribution center's side of item 06 against an in-memory MongoDB and the bank on WireMock: what is paid is
 * taken off the balance as a partial withdrawal (部分提取) in the ledger, once, however often the request is handled.
 */
class JointPurchaseWithdrawalHandlerTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("joint_handler");
    static final String ACCOUNT = "110000000777";
    static final IdentityNumber ZHAO = IdentityNumber.of("11010519491231002X");
    static final String CASE = "310000-20261125-000042";
    static final String PAYMENTS = "/bank/v1/payments";

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MongoTemplate mongo = MONGO.template();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    GenericApplicationContext payments;
    AccountStore accounts;
    JointWithdrawalStore withdrawals;
    JointPurchaseWithdrawalHandler handler;
    SealedCertificates sealed;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        for (String collection : List.of(AccountStore.ACCOUNTS, AccountStore.HOLDERS, JointWithdrawalStore.COLLECTION,
                "payment_instructions", "sealed_certificates")) {
            mongo.dropCollection(collection);
        }
        accounts = new AccountStore(mongo);
        withdrawals = new JointWithdrawalStore(mongo);
        payments = TestPayments.context(bank.baseUrl(), mongo, clock);
        CenterProperties beijing = new CenterProperties(CenterCode.of("110000"), "北京住房公积金管理中心",
                "12329", List.of(CenterCode.of("110000"), CenterCode.of("310000")), null);
        sealed = TestSealedCertificates.of(mongo, beijing, clock);
        handler = new JointPurchaseWithdrawalHandler(beijing, accounts, withdrawals,
                payments.getBean(PaymentService.class), PolicyLoader.loadBundled(CenterCode.of("110000")), sealed, clock);
        String settled = """
                {"instructionId": "WD-%s", "bankReference": "BR0006", "status": "SETTLED",
                 "settledAt": "2026-11-25T02:00:05Z"}""".formatted(CASE);
        bank.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(settled)));
        // asked about an outcome it did not hear (a slow first answer), the bank says the same
        bank.stubFor(get(PAYMENTS + "/WD-" + CASE).willReturn(okJson(settled)));
    }

    @AfterEach
    void closeContext() {
        payments.close();
    }

    void zhaoHolds(String balance) {
        List<ContributionMonth> paid = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            paid.add(new ContributionMonth(YearMonth.of(2026, 11).minusMonths(i), Money.parse("2880.00"), false));
        }
        accounts.insertAccounts(List.of(PersonalAccount.withLedger(ACCOUNT, ZHAO, "赵敏", "11000000000001",
                "北京华信数据科技有限公司", LocalDate.of(2015, 3, 1), AccountState.NORMAL, Money.parse("12000.00"),
                new BigDecimal("12"), new BigDecimal("12"), paid, List.of(), null,
                PersonalAccount.carriedOver(ACCOUNT, Money.parse(balance), LocalDate.of(2026, 11, 1)))));
    }

    ItemRequested zhaoAsksFor(String amount) {
        PurchaseWithdrawalForm form = new PurchaseWithdrawalForm("WQ-RECENT-0001", "RE-WQ-RECENT-0001", HomeKind.NEW,
                LocalDate.of(2026, 10, 20), null, Money.parse("2860000.00"), Money.ZERO, Buyer.SELF, Money.parse(amount),
                BankAccountNumber.of("6222021001234567890"));
        return new ItemRequested(CaseId.of(CASE), ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT,
                CenterCode.of("310000"), CenterCode.of("110000"), new Applicant(ZHAO, "赵敏"), form.toForm(), List.of(),
                "sh-clerk-007", clock.instant());
    }

    PersonalAccount zhao() {
        return accounts.findByAccountNumber(ACCOUNT).orElseThrow();
    }

    @Test
    void whatIsPaidIsPostedOnceAsAPartialWithdrawalUnderThePaymentInstruction() {
        zhaoHolds("100000.00");

        ItemAnswer first = handler.handle(zhaoAsksFor("50000.00"));
        ItemAnswer again = handler.handle(zhaoAsksFor("50000.00"));

        assertThat(first).isInstanceOf(ItemAnswer.Done.class).isEqualTo(again);
        bank.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(zhao().entries()).extracting(LedgerEntry::serialNumber, LedgerEntry::type, LedgerEntry::amount)
                .containsExactly(tuple("JZ-" + ACCOUNT, BusinessType.OTHER, Money.parse("100000.00")),
                        tuple("WD-" + CASE, BusinessType.PARTIAL_WITHDRAWAL, Money.parse("-50000.00")));
        assertThat(zhao().balance()).isEqualTo(zhao().ledgerBalance()).isEqualTo(Money.parse("50000.00"));
        assertThat(withdrawals.find(CASE).orElseThrow().debited()).isTrue();
    }

    @Test
    void theCompletionReceiptIsSealedOnceAndItsCodeGoesBackWithTheResult() {
        zhaoHolds("100000.00");

        ItemAnswer.Done first = (ItemAnswer.Done) handler.handle(zhaoAsksFor("50000.00"));
        ItemAnswer.Done again = (ItemAnswer.Done) handler.handle(zhaoAsksFor("50000.00"));

        String code = first.result().get("receiptVerificationCode");
        assertThat(again.result().get("receiptVerificationCode")).isEqualTo(code);
        IssuedCertificate receipt = sealed.find(code).orElseThrow();
        assertThat(receipt.kind()).isEqualTo(CertificateKind.COMPLETION_RECEIPT);
        assertThat(receipt.caseId()).isEqualTo(CASE);
        assertThat(first.result().get("receiptSm3")).isEqualTo(receipt.sm3());
        assertThat(sealed.verify(receipt.pdf()).verdict()).isEqualTo(Verification.Verdict.GENUINE);
        assertThat(mongo.getCollection("sealed_certificates").countDocuments()).isEqualTo(1);
    }

    @Test
    void whenTheBalanceIsLowerThanWhatWasPaidTheDebitIsLeftForAClerkAndTheBalanceNeverGoesBelowZero() {
        zhaoHolds("30000.00");
        // approved when the balance allowed it; the balance fell before the bank settled
        withdrawals.approve(new JointWithdrawal(CASE, ACCOUNT, ZHAO.value(), "RE-WQ-RECENT-0001",
                Money.parse("50000.00"), LocalDate.of(2026, 11, 25), JointWithdrawal.Status.APPROVED, null, null, null,
                null, false));

        ItemAnswer answer = handler.handle(zhaoAsksFor("50000.00"));

        assertThat(answer).as("the money went out; the case is done").isInstanceOf(ItemAnswer.Done.class);
        assertThat(zhao().balance()).isEqualTo(Money.parse("30000.00"));
        assertThat(zhao().entries()).extracting(LedgerEntry::serialNumber).containsExactly("JZ-" + ACCOUNT);
        JointWithdrawal left = withdrawals.find(CASE).orElseThrow();
        assertThat(left.status()).isEqualTo(JointWithdrawal.Status.PAID);
        assertThat(left.debited()).as("left for a clerk").isFalse();
    }
}
