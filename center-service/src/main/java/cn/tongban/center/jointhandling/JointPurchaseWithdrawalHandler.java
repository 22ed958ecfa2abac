package cn.tongban.center.jointhandling;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountPosting;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.catalogue.ItemAnswer;
import cn.tongban.center.catalogue.ItemHandler;
import cn.tongban.center.certificate.CompletionReceipt;
import cn.tongban.center.certificate.ContributionUseCertificatePolicy;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.payment.PaymentInstruction;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.payment.WithdrawalPayment;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.Decision;
import cn.tongban.center.policy.PastWithdrawal;
import cn.tongban.center.policy.PurchaseFacts;
import cn.tongban.center.policy.PurchaseWithdrawalPolicy;
import cn.tongban.center.seal.IssuedCertificate;
import cn.tongban.center.seal.SealedCertificates;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.item.ItemRequested;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The contribution center's part of two-place joint handling of a home-purchase withdrawal (两地联办购房提取, item 06):
 * the purchase place has verified the purchase with its real-estate registry; this center, which holds the account,
 * decides by its own {@link PurchaseWithdrawalPolicy}, pays the person's card exactly once through
 * {@link PaymentService} (the instruction keyed on the case), takes the amount off the balance (部分提取) and answers
 * with the payment and its receipt.
 *
 * <p>Refused: {@value #FORM_INVALID}, {@value #NO_SUCH_ACCOUNT}, {@value #NAME_MISMATCH}, every reason of the policy
 * (e.g. {@code ACCOUNT_FROZEN}, {@code OUTSIDE_WINDOW}, {@code ALREADY_WITHDRAWN_FOR_HOME}), or the bank's reason when
 * the payment failed. The approval is recorded before paying, so a request handled again pays the recorded amount
 * and is not decided twice.
 */
@Component
class JointPurchaseWithdrawalHandler implements ItemHandler {

    static final String FORM_INVALID = "FORM_INVALID";
    static final String NO_SUCH_ACCOUNT = "NO_SUCH_ACCOUNT";
    static final String NAME_MISMATCH = "NAME_MISMATCH";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(JointPurchaseWithdrawalHandler.class);

    private final CenterProperties center;
    private final AccountStore accounts;
    private final JointWithdrawalStore withdrawals;
    private final PaymentService payments;
    private final PurchaseWithdrawalPolicy policy;
    private final SealedCertificates sealed;
    private final Clock clock;

    JointPurchaseWithdrawalHandler(CenterProperties center, AccountStore accounts, JointWithdrawalStore withdrawals,
                                   PaymentService payments, CenterPolicy centerPolicy, SealedCertificates sealed,
                                   Clock clock) {
        this.center = center;
        this.accounts = accounts;
        this.withdrawals = withdrawals;
        this.payments = payments;
        this.policy = new PurchaseWithdrawalPolicy(centerPolicy);
        this.sealed = sealed;
        this.clock = clock;
    }

    @Override
    public ServiceItem item() {
        return ServiceItem.HOME_PURCHASE_WITHDRAWAL;
    }

    @Override
    public ItemAnswer handle(ItemRequested request) {
        PurchaseWithdrawalForm form;
        try {
            form = PurchaseWithdrawalForm.of(request.form());
        } catch (IllegalArgumentException e) {
            return ItemAnswer.refused(FORM_INVALID, "申请信息不完整或有误：" + e.getMessage());
        }
        Optional<PersonalAccount> found = accounts.findByIdentityNumber(request.applicant().identityNumber());
        if (found.isEmpty()) {
            return ItemAnswer.refused(NO_SUCH_ACCOUNT, center.name() + "没有该申请人的住房公积金账户");
        }
        PersonalAccount account = found.get();
        if (!request.applicant().name().equals(account.name())) {
            return ItemAnswer.refused(NAME_MISMATCH, "申请人姓名与账户登记的姓名不一致");
        }
        String caseId = request.caseId().value();
        JointWithdrawal approved = withdrawals.find(caseId).orElse(null);
        if (approved == null) {
            Decision<Money> decision;
            try {
                decision = policy.decide(facts(account, form, caseId));
            } catch (IllegalArgumentException e) {
                return ItemAnswer.refused(FORM_INVALID, "购房信息有误：" + e.getMessage());
            }
            if (decision instanceof Decision.Rejected<Money> rejected) {
                return ItemAnswer.refused(rejected.reasonCode(), rejected.reason());
            }
            Money amount = ((Decision.Approved<Money>) decision).outcome();
            approved = withdrawals.approve(new JointWithdrawal(caseId, account.accountNumber(),
                    account.identityNumber().value(), form.registrationNumber(), amount, today(),
                    JointWithdrawal.Status.APPROVED, null, null, null, null, false));
            log.info("case {}: purchase withdrawal of {} approved for account {}", caseId, amount, account.accountNumber());
        }
        return switch (approved.status()) {
            case FAILED -> ItemAnswer.refused(approved.failureCode(), "划付失败：" + approved.failureReason());
            case PAID -> paid(approved, request, account);
            case APPROVED -> pay(approved, account, form, request);
        };
    }

    private ItemAnswer pay(JointWithdrawal approved, PersonalAccount account, PurchaseWithdrawalForm form,
                           ItemRequested request) {
        PaymentInstruction instruction = payments.pay(new WithdrawalPayment(approved.id(), approved.accountNumber(),
                form.bankAccount(), account.name(), approved.amount()));
        return switch (instruction.state()) {
            case SETTLED -> paid(withdrawals.paid(approved, instruction.bankReference(), instruction.settledAt()), request,
                    account);
            case FAILED -> {
                JointWithdrawal failed = withdrawals.failed(approved, instruction.failureCode(), instruction.failureReason());
                yield ItemAnswer.refused(failed.failureCode() == null ? "PAYMENT_FAILED" : failed.failureCode(),
                        "划付失败：" + failed.failureReason());
            }
            default -> ItemAnswer.pending("已核准提取 " + approved.amount() + " 元，银行划付结果待确认");
        };
    }

    private ItemAnswer paid(JointWithdrawal paid, ItemRequested request, PersonalAccount account) {
        if (!paid.debited()) {
            debit(paid);
        }
        // the completion receipt (办结回执) as a sealed PDF, once per case: the applicant downloads it here, anyone
        // verifies it by the code the purchase place is told
        IssuedCertificate receipt = sealed.completionReceipt(new CompletionReceipt(paid.id(),
                ServiceItem.HOME_PURCHASE_WITHDRAWAL, center.code(), center.name(), request.requestingCenter(),
                account.name(), account.identityNumber(), "已核准购房提取并划入申请人银行账户", paid.amount(),
                today(), request.clerk() == null ? "两地联办" : "两地联办 " + request.clerk()));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("amount", paid.amount().toString());
        result.put("bankReference", paid.bankReference());
        result.put("paidAt", String.valueOf(paid.paidAt()));
        result.put("receiptVerificationCode", receipt.id());
        result.put("receiptSm3", receipt.sm3());
        return ItemAnswer.done(result, "HZ-" + center.code().value() + "-" + paid.id());
    }

    /**
     * Takes the paid amount off the balance: a partial withdrawal (部分提取, 11) posted to the ledger under the id of
     * the payment instruction ({@code WD-<case>}), so a request handled again finds it posted and changes nothing, and
     * the bank reconciliation finds the entry of the payment. The money has gone out either way: when the ledger
     * refuses (the balance is lower now than what was paid, and a balance never goes below zero) the case is still
     * done and the debit is left for a clerk.
     */
    private void debit(JointWithdrawal paid) {
        LedgerEntry entry = LedgerEntry.debit(debitSerial(paid), today(), BusinessType.PARTIAL_WITHDRAWAL, paid.amount());
        AccountPosting posting = accounts.post(paid.accountNumber(), entry);
        if (posting instanceof AccountPosting.Refused refused) {
            log.warn("case {}: paid {} but the debit of account {} was refused ({}: {}); left for a clerk", paid.id(),
                    paid.amount(), paid.accountNumber(), refused.reasonCode(), refused.reason());
            return;
        }
        withdrawals.debited(paid);
    }

    /** The ledger serial number of a joint withdrawal's debit: the id of the instruction that paid it. */
    static String debitSerial(JointWithdrawal paid) {
        return InstructionId.forWithdrawal(paid.id()).value();
    }

    private PurchaseFacts facts(PersonalAccount account, PurchaseWithdrawalForm form, String caseId) {
        List<PastWithdrawal> past = withdrawals.pastOf(account.identityNumber().value(), caseId).stream()
                .map(w -> new PastWithdrawal(w.approvedOn(), w.homeId(), w.amount())).toList();
        int continuous = ContributionUseCertificatePolicy.continuousPeriod(account.contributions())
                .map(ContributionUseCertificatePolicy.ContinuousPeriod::months).orElse(0);
        Money balance = account.balance() == null ? Money.ZERO : account.balance();
        return new PurchaseFacts(today(), account.state(), balance, continuous, form.buyer(), form.home(), past,
                withdrawals.withdrawnFor(form.registrationNumber(), caseId), form.amount());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

}
