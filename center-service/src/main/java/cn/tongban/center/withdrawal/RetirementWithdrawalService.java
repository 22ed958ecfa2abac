package cn.tongban.center.withdrawal;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountPosting;
import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.contribution.AccountChange;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.RetirementRecord;
import cn.tongban.center.department.SocialSecurityClient;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.InterestSettlement;
import cn.tongban.center.ledger.Posting;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.payment.PaymentInstruction;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.payment.WithdrawalPayment;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.Decision;
import cn.tongban.center.policy.PolicyVersion;
import cn.tongban.center.policy.RetirementFacts;
import cn.tongban.center.policy.RetirementWithdrawalPolicy;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Normal retirement withdrawal (正常退休提取, item 03), fully online at the home center: the retirement is confirmed with
 * social security, the center's {@link RetirementWithdrawalPolicy} decides, the interest up to the closing day is settled
 * (销户结息), the whole balance is paid to the person's
 * card through {@link PaymentService} (at most once per case), and the account is closed (提取销户, GJHTQYWLX
 * {@value #CLOSING_WITHDRAWAL}).
 *
 * <p>An account has at most one open retirement case: submitting again returns that case and takes it on from where it
 * stands (a department that was unavailable is asked again, an open payment is settled by asking the bank, a paid case
 * closes the account), so a second submission never pays twice.
 */
@Service
public class RetirementWithdrawalService {

    /** GJHTQYWLX 12 销户提取. */
    public static final String CLOSING_WITHDRAWAL = "12";
    public static final String CASE_OPEN_WITH_OTHER_CARD = "CASE_OPEN_WITH_OTHER_CARD";
    public static final String ACCOUNT_CHANGED = "ACCOUNT_CHANGED";
    public static final String CASE_BEING_OPENED = "CASE_BEING_OPENED";
    public static final String NOT_PAYMENT_FAILED = "NOT_PAYMENT_FAILED";
    public static final String OTHER_CASE_OPEN = "OTHER_CASE_OPEN";
    /** 《住房公积金管理条例》 art. 25: decided within 3 days of acceptance. */
    static final int DAYS_TO_DECIDE = 3;

    private static final Logger log = LoggerFactory.getLogger(RetirementWithdrawalService.class);

    private final WithdrawalCaseStore cases;
    private final AccountStore accounts;
    private final MongoOperations mongo;
    private final SocialSecurityClient socialSecurity;
    private final PaymentService payments;
    private final RetirementWithdrawalPolicy policy;
    private final CenterPolicy centerPolicy;
    private final CenterCode center;
    private final Clock clock;

    @Autowired
    RetirementWithdrawalService(WithdrawalCaseStore cases, AccountStore accounts, MongoOperations mongo,
                                SocialSecurityClient socialSecurity, PaymentService payments, CenterPolicy centerPolicy,
                                CenterProperties properties, Clock clock) {
        this(cases, accounts, mongo, socialSecurity, payments, centerPolicy, properties.code(), clock);
    }

    RetirementWithdrawalService(WithdrawalCaseStore cases, AccountStore accounts, MongoOperations mongo,
                                SocialSecurityClient socialSecurity, PaymentService payments, CenterPolicy centerPolicy,
                                CenterCode center, Clock clock) {
        this.cases = cases;
        this.accounts = accounts;
        this.mongo = mongo;
        this.socialSecurity = socialSecurity;
        this.payments = payments;
        this.policy = new RetirementWithdrawalPolicy(centerPolicy);
        this.centerPolicy = centerPolicy;
        this.center = center;
        this.clock = clock;
    }

    /**
     * Applies for the retirement withdrawal of {@code account}'s whole balance to {@code card}, or takes up the account's
     * open case.
     *
     * @return the case as it stands: CLOSED when paid and closed, REJECTED with the reason, PAYING while the bank's
     *         outcome is open, SUBMITTED when a department could not be asked (then it throws)
     * @throws cn.tongban.center.department.DepartmentException social security gave no answer; the case stays SUBMITTED
     * @throws ApiProblem 409 {@value #CASE_OPEN_WITH_OTHER_CARD} when the open case pays another card
     */
    public WithdrawalCase apply(PersonalAccount account, BankAccountNumber card, String by) {
        Optional<String> open = cases.held(account.accountNumber(), WithdrawalCase.RETIREMENT);
        String id = open.orElseGet(() -> cases.nextId(center));
        Optional<String> held = open.isPresent() ? open : cases.claim(account.accountNumber(), WithdrawalCase.RETIREMENT, id);
        WithdrawalCase current;
        if (held.isPresent()) {
            // the claim is made just before the case is stored: a concurrent first submission may not have stored it yet
            current = cases.find(held.get()).orElseThrow(() -> ApiProblem.conflict(CASE_BEING_OPENED,
                    "您的退休提取申请 " + held.get() + " 正在受理，请稍后查询"));
            if (!current.payeeAccount().equals(card.value())) {
                throw ApiProblem.conflict(CASE_OPEN_WITH_OTHER_CARD, "您已有退休提取案件 " + current.id() + "（收款账号 "
                        + BankAccountNumber.of(current.payeeAccount()) + "）正在办理，同一账户只能办理一次");
            }
            log.info("retirement withdrawal of {} resumes case {} ({})", account.accountNumber(), current.id(), current.state());
        } else {
            var now = clock.instant();
            LocalDate today = today();
            current = new WithdrawalCase(id, account.accountNumber(), account.identityNumber().value(), account.name(),
                    WithdrawalCase.RETIREMENT, card.value(), WithdrawalState.SUBMITTED, now, today.plusDays(DAYS_TO_DECIDE),
                    by, null, null, null, null, null, now,
                    List.of(new WithdrawalHistoryEntry(now, null, WithdrawalState.SUBMITTED, "受理退休提取申请")));
            cases.insert(current);
            log.info("retirement withdrawal case {} opened for {}", id, account.accountNumber());
        }
        return process(current);
    }

    public Optional<WithdrawalCase> find(String id) {
        return cases.find(id);
    }

    /**
     * Pays a case whose payment FAILED again (再次划付), once the cause is fixed (usually: to another card), and closes
     * the account when the bank settles. The case moves back to PAYING with its next numbered payment attempt
     * ({@code WD-<case>-<n>}, {@link PaymentService#payAgain}: only after attempt n-1 failed), so across all attempts
     * the case is paid at most once. The amount stays the one approved; the account must still hold exactly it.
     *
     * @return the case as {@link #apply} returns it: CLOSED, PAYING while the bank's outcome is open, or PAYMENT_FAILED
     *         again with the bank's reason
     * @throws ApiProblem 404 {@code NO_SUCH_CASE}; 409 {@value #NOT_PAYMENT_FAILED} when the case's payment did not
     *         fail; 409 {@value #ACCOUNT_CHANGED} when the account's balance or state no longer allow paying the
     *         amount and closing it; 409 {@value #OTHER_CASE_OPEN} when the person opened another case since
     */
    public WithdrawalCase payAgain(String caseId, BankAccountNumber card, String by) {
        WithdrawalCase failed = cases.find(caseId)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no withdrawal case " + caseId));
        if (failed.state() != WithdrawalState.PAYMENT_FAILED) {
            throw ApiProblem.conflict(NOT_PAYMENT_FAILED, "案件 " + caseId + " 状态为" + failed.state().chinese()
                    + "，只有划付失败的案件才能再次划付");
        }
        PersonalAccount account = accounts.findByAccountNumber(failed.accountNumber())
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + failed.accountNumber()));
        if (!account.state().canMoveTo(AccountState.WITHDRAWN_CLOSED) || !failed.amount().equals(account.ledgerBalance())) {
            throw ApiProblem.conflict(ACCOUNT_CHANGED, "账户 " + account.accountNumber() + " 状态 " + account.state().chinese()
                    + "，余额 " + account.ledgerBalance() + " 元，与核准提取的 " + failed.amount() + " 元不符；需由中心人工核实");
        }
        Optional<String> holder = cases.claim(failed.accountNumber(), failed.reason(), failed.id());
        if (holder.isPresent() && !holder.get().equals(failed.id())) {
            throw ApiProblem.conflict(OTHER_CASE_OPEN, "账户 " + failed.accountNumber() + " 已有另一退休提取案件 "
                    + holder.get() + " 正在办理");
        }
        WithdrawalPayment next = paymentOf(failed).nextAttempt(card);
        WithdrawalCase paying = cases.move(failed, WithdrawalState.PAYING, "再次划付（第 " + next.attempt() + " 次），收款账号 "
                        + card.masked() + "，经办 " + by,
                u -> u.set("paymentInstructionId", next.instructionId().value()).set("payeeAccount", card.value())
                        .set("rejectionCode", null).set("rejectionReason", null))
                .orElseGet(() -> cases.reload(failed));
        log.info("withdrawal case {} paid again as {} by {}", caseId, next.instructionId(), by);
        return process(paying);
    }

    private WithdrawalCase process(WithdrawalCase start) {
        WithdrawalCase current = start;
        while (true) {
            switch (current.state()) {
                case SUBMITTED -> current = check(current);
                case CHECKED -> {
                    WithdrawalCase checked = current;
                    current = cases.move(checked, WithdrawalState.PAYING, "登记支付指令",
                                    u -> u.set("paymentInstructionId", "WD-" + checked.id()))
                            .orElseGet(() -> cases.reload(checked));
                }
                case PAYING -> {
                    WithdrawalCase after = pay(current);
                    if (after.state() == WithdrawalState.PAYING) {
                        return after;
                    }
                    current = after;
                }
                case PAID -> current = close(current);
                default -> {
                    return current;
                }
            }
        }
    }

    private WithdrawalCase check(WithdrawalCase submitted) {
        PersonalAccount account = accounts.findByAccountNumber(submitted.accountNumber())
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + submitted.accountNumber()));
        RetirementRecord retirement = socialSecurity.retirementOf(IdentityNumber.of(submitted.identityNumber()));
        LocalDate retiredOn = retirement.retirementDate().orElse(null);
        boolean loanOutstanding = account.loans().stream().anyMatch(loan -> !loan.isRepaid());
        Money balance = account.balance() == null ? Money.ZERO : account.balance();
        Decision<Money> decision = policy.decide(new RetirementFacts(today(), account.state(), balance, retiredOn,
                loanOutstanding));
        if (decision instanceof Decision.Rejected<Money> rejected) {
            Optional<WithdrawalCase> moved = cases.move(submitted, WithdrawalState.REJECTED, "不予办理：" + rejected.reason(),
                    u -> u.set("rejectionCode", rejected.reasonCode()).set("rejectionReason", rejected.reason())
                            .set("retiredOn", retiredOn));
            moved.ifPresent(cases::release);
            return moved.orElseGet(() -> cases.reload(submitted));
        }
        Money amount = settleInterestOnClosing(submitted, account).orElse(((Decision.Approved<Money>) decision).outcome());
        return cases.move(submitted, WithdrawalState.CHECKED, "社保确认退休（" + retiredOn + "），核准提取 " + amount + " 元",
                        u -> u.set("amount", amount.fen()).set("retiredOn", retiredOn))
                .orElseGet(() -> cases.reload(submitted));
    }

    /**
     * Settles the interest up to the closing day (销户结息) before the whole balance is paid: from 1 July to the day
     * before, at the deposit rate in force today, posted today as entry {@code XJ-<case>} (once, however often the
     * case is taken up). The balance after it is what is paid; empty when there was nothing to settle.
     */
    private Optional<Money> settleInterestOnClosing(WithdrawalCase submitted, PersonalAccount account) {
        LocalDate today = today();
        Optional<AnnualRate> rate = centerPolicy.versionOn(today).map(PolicyVersion::depositRate);
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        Posting posting = InterestSettlement.settleOnClosing(account.ledger(), today, rate.get(), "XJ-" + submitted.id());
        if (posting instanceof Posting.Refused refused) {
            if (!InterestSettlement.NOTHING_TO_SETTLE.equals(refused.reasonCode())) {
                log.warn("case {}: interest on closing of {} not settled ({}: {})", submitted.id(), account.accountNumber(),
                        refused.reasonCode(), refused.reason());
            }
            return Optional.empty();
        }
        AccountPosting stored = accounts.post(account.accountNumber(), ((Posting.Posted) posting).entry());
        if (stored instanceof AccountPosting.Posted posted) {
            log.info("case {}: interest on closing {} credited to {}", submitted.id(), posted.entry().amount(),
                    account.accountNumber());
            return Optional.of(posted.account().ledgerBalance());
        }
        return Optional.empty();
    }

    private WithdrawalCase pay(WithdrawalCase paying) {
        WithdrawalPayment payment = paymentOf(paying);
        PaymentInstruction instruction = payment.attempt() == 1 ? payments.pay(payment) : payments.payAgain(payment);
        return switch (instruction.state()) {
            case SETTLED -> cases.move(paying, WithdrawalState.PAID, "银行已清算入账，流水号 " + instruction.bankReference(),
                    u -> { }).orElseGet(() -> cases.reload(paying));
            case FAILED -> {
                Optional<WithdrawalCase> moved = cases.move(paying, WithdrawalState.PAYMENT_FAILED,
                        "划付失败：" + instruction.failureReason(), u -> u.set("rejectionCode", instruction.failureCode())
                                .set("rejectionReason", instruction.failureReason()));
                moved.ifPresent(cases::release);
                yield moved.orElseGet(() -> cases.reload(paying));
            }
            default -> paying;
        };
    }

    /**
     * Closes the account (正常 or 封存 → 提取销户): one single-document write posts the closing withdrawal (销户提取,
     * business type 12) to the ledger under the case's serial number, sets the state and records the change; the
     * balance must still be what was paid, so the ledger ends at zero. Done already by this case (a concurrent
     * submission): the posting answers that it was posted earlier and the case just moves on.
     */
    private WithdrawalCase close(WithdrawalCase paid) {
        LocalDate today = today();
        LedgerEntry withdrawal = LedgerEntry.debit(closingSerial(paid), today, BusinessType.CLOSING_WITHDRAWAL, paid.amount());
        AccountPosting posting = accounts.post(paid.accountNumber(), withdrawal,
                account -> account.state().canMoveTo(AccountState.WITHDRAWN_CLOSED)
                        && paid.amount().equals(account.ledgerBalance()) ? Optional.empty()
                        : Optional.of(new AccountPosting.Refused(ACCOUNT_CHANGED, "账户状态 " + account.state().chinese()
                        + "，余额 " + account.ledgerBalance() + " 元")),
                account -> {
                    AccountChange change = new AccountChange(clock.instant(), CLOSING_WITHDRAWAL, "state",
                            account.state().code(), AccountState.WITHDRAWN_CLOSED.code(), today, paid.submittedBy(),
                            "离休退休提取销户，提取 " + paid.amount() + " 元，案件 " + paid.id());
                    Document stored = new Document();
                    mongo.getConverter().write(change, stored);
                    stored.remove("_class");
                    stored.put("serialNumber", paid.id());
                    return new Update().set(AccountStore.STATE, AccountState.WITHDRAWN_CLOSED.name())
                            .push(AccountChange.FIELD, stored);
                });
        if (posting instanceof AccountPosting.Refused refused) {
            log.warn("case {} paid {} but account {} could not be closed ({}: {}); left PAID for a clerk", paid.id(),
                    paid.amount(), paid.accountNumber(), refused.reasonCode(), refused.reason());
            throw ApiProblem.conflict(ACCOUNT_CHANGED, "提取款已划付，但账户 " + paid.accountNumber()
                    + " 在办理期间发生变动（余额或状态），需由中心人工核实后销户；案件 " + paid.id());
        }
        return cases.move(paid, WithdrawalState.CLOSED, "账户已提取销户", u -> { }).orElseGet(() -> cases.reload(paid));
    }

    /**
     * The ledger serial number of the closing withdrawal: the id of the case's payment instruction (of the attempt that
     * was paid), so a retried close never doubles and the bank reconciliation finds the entry of each payment.
     */
    static String closingSerial(WithdrawalCase withdrawal) {
        return withdrawal.paymentInstructionId() != null ? withdrawal.paymentInstructionId()
                : InstructionId.forWithdrawal(withdrawal.id()).value();
    }

    /** The payment of the case's current attempt: 1 for {@code WD-<case>}, n for {@code WD-<case>-<n>}. */
    static WithdrawalPayment paymentOf(WithdrawalCase withdrawal) {
        String first = InstructionId.forWithdrawal(withdrawal.id()).value();
        String current = withdrawal.paymentInstructionId();
        int attempt = current == null || current.equals(first) ? 1 : Integer.parseInt(current.substring(first.length() + 1));
        return new WithdrawalPayment(withdrawal.id(), withdrawal.accountNumber(),
                BankAccountNumber.of(withdrawal.payeeAccount()), withdrawal.name(), withdrawal.amount(), attempt);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WithdrawalCaseStore.CHINA));
    }
}
