package cn.tongban.center.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.InterestYear;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.payment.PaymentReconciliationReport;
import cn.tongban.center.payment.PaymentReconciliationService;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The nightly bookkeeping on stored ledgers: yearly interest on 30 June, balances reconciled, one run at a time. */
class BookkeepingTest {

    /** 1 July 2026, 01:30 in Beijing: the interest year 2026 (2025-07-01 – 2026-06-30) has just ended. */
    static final Instant FIRST_OF_JULY = Instant.parse("2026-06-30T17:30:00Z");
    static final String SETTLED_ON_TIME = "110000100000001";
    static final String MOVED_ON = "110000100000002";
    static final String CLOSED = "110000100000003";

    EmbeddedMongo mongo;
    AccountStore accounts;
    MutableClock clock = new MutableClock(FIRST_OF_JULY);
    PaymentReconciliationService payments = mock(PaymentReconciliationService.class);
    LockProvider leases;
    Bookkeeping bookkeeping;

    @BeforeEach
    void accounts() {
        mongo = new EmbeddedMongo("bookkeeping_test");
        accounts = new AccountStore(mongo.template());
        accounts.insertAccounts(List.of(
                withEntries(SETTLED_ON_TIME, AccountState.NORMAL, credit("A", "2024-06-20", "100000.00")),
                withEntries(MOVED_ON, AccountState.NORMAL, credit("B", "2024-06-20", "100000.00"),
                        credit("C", "2026-07-01", "2400.00")),
                withEntries(CLOSED, AccountState.WITHDRAWN_CLOSED, credit("D", "2024-06-20", "100.00"),
                        LedgerEntry.debit("E", LocalDate.of(2025, 1, 10), BusinessType.CLOSING_WITHDRAWAL, Money.parse("100.00")))));
        when(payments.reconcile(any(), any())).thenAnswer(call -> new PaymentReconciliationReport(null, call.getArgument(0),
                clock.instant(), 0, 0, 0, List.of()));
        leases = new MongoLockProvider(mongo.factory().getMongoDatabase().getCollection("leases"));
        bookkeeping = new Bookkeeping(accounts, PolicyLoader.loadBundled(CenterCode.of("110000")), payments,
                mongo.template(), leases, new BookkeepingProperties("0 30 1 * * *", Duration.ofMinutes(30), false), clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    static LedgerEntry credit(String serial, String day, String yuan) {
        return LedgerEntry.credit(serial, LocalDate.parse(day), BusinessType.TRANSFER_IN, Money.parse(yuan));
    }

    static PersonalAccount withEntries(String number, AccountState state, LedgerEntry... entries) {
        return PersonalAccount.withLedger(number, IdentityNumber.of("11010519491231002X"), "张三", "11000000000001", "单位",
                LocalDate.of(2015, 3, 1), state, Money.parse("10000.00"), new BigDecimal("12"), new BigDecimal("12"),
                List.of(), List.of(), null, List.of(entries));
    }

    @Test
    void onTheFirstOfJulyTheYearJustEndedIsSettledOn30JuneOnceForEveryOpenAccount() {
        BookkeepingReport report = bookkeeping.runIfFree().orElseThrow();

        // 100,000.00 held all year at Beijing's 1.50%: 100,000 × 365 × 0.015 ÷ 360 = 1,520.83
        PersonalAccount settled = accounts.findByAccountNumber(SETTLED_ON_TIME).orElseThrow();
        assertThat(settled.entries()).last().satisfies(entry -> {
            assertThat(entry.serialNumber()).isEqualTo(Bookkeeping.interestSerial(SETTLED_ON_TIME, InterestYear.endingIn(2026)));
            assertThat(entry.type()).isEqualTo(BusinessType.INTEREST);
            assertThat(entry.date()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(entry.amount()).isEqualTo(Money.parse("1520.83"));
        });
        assertThat(settled.balance()).isEqualTo(Money.parse("101520.83"));
        assertThat(report.interestYear()).isEqualTo(2026);
        assertThat(report.interestPosted()).isEqualTo(1);
        assertThat(report.interestTotal()).isEqualTo(Money.parse("1520.83"));
        assertThat(report.notSettledCount()).isEqualTo(1);
        assertThat(report.notSettled()).singleElement().satisfies(finding -> {
            assertThat(finding.accountNumber()).isEqualTo(MOVED_ON);
            assertThat(finding.code()).isEqualTo("BACKDATED");
        });
        assertThat(accounts.findByAccountNumber(CLOSED).orElseThrow().entries()).hasSize(2);

        BookkeepingReport again = bookkeeping.runIfFree().orElseThrow();

        assertThat(again.interestPosted()).isZero();
        assertThat(again.alreadySettled()).isEqualTo(1);
        assertThat(accounts.findByAccountNumber(SETTLED_ON_TIME).orElseThrow().balance()).isEqualTo(Money.parse("101520.83"));
        assertThat(bookkeeping.latest()).get().extracting(BookkeepingReport::startedAt).isEqualTo(again.startedAt());
    }

    @Test
    void aStoredBalanceThatIsNotTheSumOfTheEntriesIsReported() {
        mongo.template().updateFirst(Query.query(Criteria.where("_id").is(CLOSED)), new Update().set("balance", 5L),
                AccountStore.ACCOUNTS);

        BookkeepingReport report = bookkeeping.runIfFree().orElseThrow();

        assertThat(report.balanceMismatchCount()).isEqualTo(1);
        assertThat(report.balanceMismatches()).singleElement().satisfies(finding -> {
            assertThat(finding.accountNumber()).isEqualTo(CLOSED);
            assertThat(finding.code()).isEqualTo("DIFFERENT_BALANCE");
            assertThat(finding.detail()).isEqualTo("stored 0.05, entries 0.00");
        });
        assertThat(report.paymentDay()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(report.paymentMismatches()).isZero();
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseThisOneDoesNotRun() {
        var held = leases.lock(new net.javacrumbs.shedlock.core.LockConfiguration(Instant.now(), Bookkeeping.LEASE,
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();

        Optional<BookkeepingReport> report = bookkeeping.runIfFree();

        assertThat(report).isEmpty();
        assertThat(accounts.findByAccountNumber(SETTLED_ON_TIME).orElseThrow().entries()).hasSize(1);
        held.get().unlock();
        assertThat(bookkeeping.runIfFree()).isPresent();
    }

    @Test
    void theYearSettledIsTheLastThatHasEnded() {
        assertThat(Bookkeeping.lastEnded(LocalDate.of(2026, 7, 1))).isEqualTo(InterestYear.endingIn(2026));
        assertThat(Bookkeeping.lastEnded(LocalDate.of(2026, 6, 30))).isEqualTo(InterestYear.endingIn(2025));
        assertThat(Bookkeeping.lastEnded(LocalDate.of(2026, 11, 25))).isEqualTo(InterestYear.endingIn(2026));
    }
}
