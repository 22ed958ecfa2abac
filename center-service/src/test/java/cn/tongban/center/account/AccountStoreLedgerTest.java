package cn.tongban.center.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.Ledger;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The stored ledger: one document per account keyed by its number, every balance change an entry posted once. */
class AccountStoreLedgerTest {

    static final String ACCOUNT = "110000100000042";
    static final IdentityNumber ZHANG = IdentityNumber.of("11010519491231002X");
    static final LocalDate DAY = LocalDate.of(2026, 11, 15);

    EmbeddedMongo mongo;
    AccountStore store;

    @BeforeEach
    void anAccountWithTenThousand() {
        mongo = new EmbeddedMongo("account_ledger_test");
        store = new AccountStore(mongo.template());
        store.insertAccounts(List.of(account(ACCOUNT, AccountState.NORMAL, "10000.00")));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    static PersonalAccount account(String number, AccountState state, String balance) {
        return new PersonalAccount(number, ZHANG, "张三", "11000000000001", "北京华信数据科技有限公司",
                LocalDate.of(2015, 3, 1), state, Money.parse("12000.00"), new BigDecimal("12"), new BigDecimal("12"),
                Money.parse(balance), List.of(), List.of());
    }

    static LedgerEntry remittance(String serial, String yuan) {
        return LedgerEntry.credit(serial, DAY, BusinessType.REMITTANCE, Money.parse(yuan));
    }

    @Test
    void theAccountIsStoredUnderItsNumberWithItsLedgerAndARevision() {
        Document stored = mongo.template().findOne(Query.query(Criteria.where("_id").is(ACCOUNT)), Document.class,
                AccountStore.ACCOUNTS);

        assertThat(stored).isNotNull().doesNotContainKey("accountNumber");
        assertThat(stored.get("rev")).isEqualTo(0L);
        assertThat(stored.getList("entries", Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("serialNumber")).isEqualTo("JZ-" + ACCOUNT));
        PersonalAccount read = store.findByAccountNumber(ACCOUNT).orElseThrow();
        assertThat(read.balance()).isEqualTo(read.ledgerBalance()).isEqualTo(Money.parse("10000.00"));
    }

    @Test
    void aPostingChangesTheBalanceAndTheLedgerInOneWrite() {
        AccountPosting posting = store.post(ACCOUNT, remittance("HJ-1", "2400.00"));

        PersonalAccount after = ((AccountPosting.Posted) posting).account();
        assertThat(after.balance()).isEqualTo(Money.parse("12400.00"));
        assertThat(after.ledgerBalance()).isEqualTo(after.balance());
        assertThat(after.entries()).extracting(LedgerEntry::serialNumber).containsExactly("JZ-" + ACCOUNT, "HJ-1");
        assertThat(after.rev()).isEqualTo(1);
    }

    @Test
    void aRetriedPostingIsBookedOnce() {
        store.post(ACCOUNT, remittance("HJ-1", "2400.00"));

        AccountPosting again = store.post(ACCOUNT, remittance("HJ-1", "2400.00"));

        assertThat(again).isInstanceOfSatisfying(AccountPosting.Posted.class, p -> assertThat(p.earlier()).isTrue());
        assertThat(store.findByAccountNumber(ACCOUNT).orElseThrow().balance()).isEqualTo(Money.parse("12400.00"));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndNothingIsWritten() {
        AccountPosting posting = store.post(ACCOUNT,
                LedgerEntry.debit("TQ-1", DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse("10000.01")));

        assertThat(posting).isInstanceOfSatisfying(AccountPosting.Refused.class,
                r -> assertThat(r.reasonCode()).isEqualTo(Ledger.INSUFFICIENT_BALANCE));
        PersonalAccount unchanged = store.findByAccountNumber(ACCOUNT).orElseThrow();
        assertThat(unchanged.balance()).isEqualTo(Money.parse("10000.00"));
        assertThat(unchanged.rev()).isZero();
    }

    @Test
    void aCorrectionIsAReversalNeverAnEdit() {
        store.post(ACCOUNT, remittance("HJ-1", "2400.00"));
        LedgerEntry original = store.findByAccountNumber(ACCOUNT).orElseThrow().ledger().entry("HJ-1").orElseThrow();

        store.post(ACCOUNT, LedgerEntry.reversalOf(original, "CZ-HJ-1", DAY));

        PersonalAccount after = store.findByAccountNumber(ACCOUNT).orElseThrow();
        assertThat(after.entries()).extracting(LedgerEntry::serialNumber).containsExactly("JZ-" + ACCOUNT, "HJ-1", "CZ-HJ-1");
        assertThat(after.balance()).isEqualTo(Money.parse("10000.00"));
    }

    @Test
    void concurrentPostingsAllLandAndTheSameOneLandsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AccountPosting>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String serial = "HJ-" + (i % 8); // each entry twice
                tasks.add(() -> store.post(ACCOUNT, remittance(serial, "100.00")));
            }
            for (Future<AccountPosting> done : pool.invokeAll(tasks)) {
                assertThat(done.get()).isInstanceOf(AccountPosting.Posted.class);
            }
        } finally {
            pool.shutdown();
        }

        PersonalAccount after = store.findByAccountNumber(ACCOUNT).orElseThrow();
        assertThat(after.entries()).hasSize(9);
        assertThat(after.balance()).isEqualTo(Money.parse("10800.00")).isEqualTo(after.ledgerBalance());
        assertThat(after.rev()).isEqualTo(8);
    }

    @Test
    void aWriteOnAStaleReadMisses() {
        PersonalAccount read = store.findByAccountNumber(ACCOUNT).orElseThrow();
        store.post(ACCOUNT, remittance("HJ-1", "2400.00"));

        assertThat(store.compareAndSet(read, new Update().set("name", "李四"))).isFalse();
        assertThat(store.findByAccountNumber(ACCOUNT).orElseThrow().name()).isEqualTo("张三");
    }

    @Test
    void thePersonsOpenAccountIsFoundByIdentityNumberThroughTheHoldersDocument() {
        store.insertAccounts(List.of(account("110000100000001", AccountState.WITHDRAWN_CLOSED, "0.00")));

        assertThat(store.findByIdentityNumber(ZHANG)).get().extracting(PersonalAccount::accountNumber).isEqualTo(ACCOUNT);
        Document holder = mongo.template().findOne(Query.query(Criteria.where("_id").is(ZHANG.value())), Document.class,
                AccountStore.HOLDERS);
        assertThat(holder.getList("accounts", String.class)).containsExactlyInAnyOrder(ACCOUNT, "110000100000001");
        assertThat(store.findByIdentityNumber(IdentityNumber.of("110105198507219116"))).isEmpty();
    }
}
