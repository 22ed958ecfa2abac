package cn.tongban.center.bookkeeping;

import cn.tongban.center.account.AccountPosting;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.ledger.BalanceMismatch;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.InterestSettlement;
import cn.tongban.center.ledger.InterestYear;
import cn.tongban.center.ledger.Ledger;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.ledger.Posting;
import cn.tongban.center.ledger.Reconciliation;
import cn.tongban.center.payment.PaymentReconciliationReport;
import cn.tongban.center.payment.PaymentReconciliationService;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.PolicyVersion;
import cn.tongban.contracts.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The nightly bookkeeping run over the stored ledgers, under a lease so that one instance of the center runs it:
 * <ol>
 *   <li><b>Yearly interest settlement</b> (年度结息) of the last interest year that has ended (1 July – 30 June), at
 *       the deposit rate of the center's policy in force on 30 June, for every account that is not closed: entry
 *       {@code JX-<account>-<year>} of business type 09, dated 30 June, posted through {@link AccountStore#post} (so a
 *       run repeated or interrupted never pays interest twice). An account whose ledger already moved on past 30 June
 *       is not settled by the run (the ledger keeps its dates in order) but listed for a clerk.</li>
 *   <li><b>Balance reconciliation</b> (余额与明细账核对): every account's stored balance against the sum of its entries.</li>
 *   <li><b>Bank reconciliation</b> (银行对账) of the day before: its withdrawal entries against the bank's statement and
 *       the payment instructions ({@link PaymentReconciliationService}).</li>
 * </ol>
 * The accounts are read once, as a stream; the report keeps exact counts and up to {@value BookkeepingReport#SAMPLES}
 * findings of each kind.
 */
@Service
public class Bookkeeping {

    public static final String REPORTS = "bookkeeping_reports";
    static final String LEASE = "ledger-bookkeeping";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(Bookkeeping.class);

    private final AccountStore accounts;
    private final CenterPolicy policy;
    private final PaymentReconciliationService payments;
    private final MongoOperations mongo;
    private final LockProvider leases;
    private final Duration leaseFor;
    private final Clock clock;

    Bookkeeping(AccountStore accounts, CenterPolicy policy, PaymentReconciliationService payments, MongoOperations mongo,
                LockProvider leases, BookkeepingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.payments = payments;
        this.mongo = mongo;
        this.leases = leases;
        this.leaseFor = properties.lease();
        this.clock = clock;
    }

    /** Runs for today, if no other instance holds the lease; empty when one does. */
    public Optional<BookkeepingReport> runIfFree() {
        Optional<SimpleLock> lease = leases.lock(new LockConfiguration(Instant.now(), LEASE, leaseFor, Duration.ZERO));
        if (lease.isEmpty()) {
            log.info("bookkeeping: another instance holds the lease");
            return Optional.empty();
        }
        try {
            return Optional.of(run(LocalDate.now(clock.withZone(CHINA))));
        } finally {
            lease.get().unlock();
        }
    }

    /** The last interest year that has ended before {@code today}: on 1 July, the one that ended the day before. */
    static InterestYear lastEnded(LocalDate today) {
        InterestYear year = InterestYear.containing(today);
        return year.lastDay().isBefore(today) ? year : new InterestYear(year.endingYear() - 1);
    }

    /** One run, as of {@code today} (the caller holds the lease). */
    BookkeepingReport run(LocalDate today) {
        Instant started = clock.instant();
        InterestYear year = lastEnded(today);
        AnnualRate rate = policy.versionOn(year.lastDay()).map(PolicyVersion::depositRate).orElse(null);
        Tally tally = new Tally();
        try (Stream<PersonalAccount> all = accounts.streamAll()) {
            all.forEach(account -> {
                tally.read++;
                Ledger ledger;
                try {
                    ledger = account.ledger();
                } catch (IllegalArgumentException e) {
                    tally.unreadable.add(account.accountNumber(), "UNREADABLE_LEDGER", e.getMessage());
                    return;
                }
                reconcileBalance(account, ledger, tally);
                if (!account.state().isClosed()) {
                    settle(account, ledger, year, rate, tally);
                }
                collectWithdrawals(ledger, today.minusDays(1), tally);
            });
        }
        LocalDate paymentDay = today.minusDays(1);
        int paymentMismatches;
        String paymentNote = null;
        try {
            PaymentReconciliationReport payment = payments.reconcile(paymentDay, tally.withdrawals);
            paymentMismatches = payment.mismatches().size();
        } catch (DepartmentException e) {
            paymentMismatches = -1;
            paymentNote = "银行对账单未取得：" + e.getMessage();
        }
        BookkeepingReport report = new BookkeepingReport(today.toString(), started, clock.instant(), year.endingYear(),
                tally.read, tally.posted, Money.ofFen(tally.interestFen), tally.alreadySettled, tally.nothing,
                tally.notSettled.count, tally.notSettled.samples, tally.mismatches.count, tally.mismatches.samples,
                tally.unreadable.count, tally.unreadable.samples, paymentDay, paymentMismatches, paymentNote);
        mongo.save(report, REPORTS);
        log.info("bookkeeping {}: {} accounts, interest {} posted ({}), {} not settled, {} balance mismatches, {} unreadable,"
                        + " {} payment mismatches", today, report.accountsRead(), report.interestPosted(), report.interestTotal(),
                report.notSettledCount(), report.balanceMismatchCount(), report.unreadableCount(), paymentMismatches);
        return report;
    }

    /** The latest report. */
    public Optional<BookkeepingReport> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1),
                BookkeepingReport.class, REPORTS));
    }

    /** The serial number of an account's yearly interest: one per account and year. */
    public static String interestSerial(String accountNumber, InterestYear year) {
        return "JX-" + accountNumber + "-" + year.endingYear();
    }

    private void settle(PersonalAccount account, Ledger ledger, InterestYear year, AnnualRate rate, Tally tally) {
        String serial = interestSerial(account.accountNumber(), year);
        if (ledger.entry(serial).isPresent()) {
            tally.alreadySettled++;
            return;
        }
        if (rate == null) {
            tally.notSettled.add(account.accountNumber(), "NO_POLICY_IN_FORCE", "no deposit rate in force on " + year.lastDay());
            return;
        }
        Posting posting = InterestSettlement.settleYear(ledger, year, rate, serial);
        if (posting instanceof Posting.Refused refused) {
            switch (refused.reasonCode()) {
                case InterestSettlement.NOTHING_TO_SETTLE -> tally.nothing++;
                case InterestSettlement.ALREADY_SETTLED -> tally.alreadySettled++;
                default -> tally.notSettled.add(account.accountNumber(), refused.reasonCode(), refused.reason());
            }
            return;
        }
        LedgerEntry interest = ((Posting.Posted) posting).entry();
        AccountPosting stored = accounts.post(account.accountNumber(), interest);
        if (stored instanceof AccountPosting.Refused refused) {
            tally.notSettled.add(account.accountNumber(), refused.reasonCode(), refused.reason());
        } else if (!((AccountPosting.Posted) stored).earlier()) {
            tally.posted++;
            tally.interestFen += interest.amount().fen();
        } else {
            tally.alreadySettled++;
        }
    }

    private static void reconcileBalance(PersonalAccount account, Ledger ledger, Tally tally) {
        Map<String, Money> stored = account.balance() == null ? Map.of() : Map.of(account.accountNumber(), account.balance());
        for (BalanceMismatch mismatch : Reconciliation.reconcile(stored, List.of(ledger))) {
            tally.mismatches.add(mismatch.accountNumber(), mismatch.kind().name(), "stored " + mismatch.storedBalance()
                    + ", entries " + mismatch.ledgerBalance());
        }
    }

    private static void collectWithdrawals(Ledger ledger, LocalDate day, Tally tally) {
        for (LedgerEntry entry : ledger.entries()) {
            if (entry.date().equals(day) && (entry.type() == BusinessType.CLOSING_WITHDRAWAL
                    || entry.type() == BusinessType.PARTIAL_WITHDRAWAL)) {
                tally.withdrawals.add(entry);
            }
        }
    }

    /** What a run counted. */
    private static final class Tally {
        long read;
        long posted;
        long interestFen;
        long alreadySettled;
        long nothing;
        final Findings notSettled = new Findings();
        final Findings mismatches = new Findings();
        final Findings unreadable = new Findings();
        final List<LedgerEntry> withdrawals = new ArrayList<>();
    }

    /** Exact count, bounded samples. */
    private static final class Findings {
        long count;
        final List<BookkeepingReport.Finding> samples = new ArrayList<>();

        void add(String accountNumber, String code, String detail) {
            count++;
            if (samples.size() < BookkeepingReport.SAMPLES) {
                samples.add(new BookkeepingReport.Finding(accountNumber, code, detail));
            }
        }
    }
}
