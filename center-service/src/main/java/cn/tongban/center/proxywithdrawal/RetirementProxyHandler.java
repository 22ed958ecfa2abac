package cn.tongban.center.proxywithdrawal;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.catalogue.ItemAnswer;
import cn.tongban.center.catalogue.ItemHandler;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.payment.PaymentInstruction;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.withdrawal.RetirementWithdrawalService;
import cn.tongban.center.withdrawal.WithdrawalCase;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.kit.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home center's part of a normal retirement withdrawal received by proxy (正常退休提取·代收代办, item 03) at another
 * center's counter: the same {@link RetirementWithdrawalService} as the fully-online item — retirement confirmed with
 * social security, this center's policy, the whole balance paid once, the account closed (提取销户) — then the result
 * and its receipt go back to the counter. A request handled again takes up the account's open withdrawal case, so it
 * never pays twice.
 */
@Component
class RetirementProxyHandler implements ItemHandler {

    static final String BANK_ACCOUNT = "bankAccount";

    private final CenterProperties center;
    private final AccountStore accounts;
    private final RetirementWithdrawalService retirement;
    private final PaymentService payments;

    RetirementProxyHandler(CenterProperties center, AccountStore accounts, RetirementWithdrawalService retirement,
                           PaymentService payments) {
        this.center = center;
        this.accounts = accounts;
        this.retirement = retirement;
        this.payments = payments;
    }

    @Override
    public ServiceItem item() {
        return ServiceItem.RETIREMENT_WITHDRAWAL;
    }

    @Override
    public ItemAnswer handle(ItemRequested request) {
        BankAccountNumber card;
        try {
            card = BankAccountNumber.of(request.form().get(BANK_ACCOUNT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return ItemAnswer.refused("FORM_INVALID", "收款账号缺失或有误");
        }
        Optional<PersonalAccount> found = accounts.findByIdentityNumber(request.applicant().identityNumber());
        if (found.isEmpty()) {
            return ItemAnswer.refused("NO_SUCH_ACCOUNT", center.name() + "没有该申请人的住房公积金账户");
        }
        if (!request.applicant().name().equals(found.get().name())) {
            return ItemAnswer.refused("NAME_MISMATCH", "申请人姓名与账户登记的姓名不一致");
        }
        WithdrawalCase withdrawal;
        try {
            withdrawal = retirement.apply(found.get(), card, "proxy:" + request.requestingCenter().value() + ":" + request.clerk());
        } catch (DepartmentException e) {
            throw e;
        } catch (ApiProblem e) {
            return ItemAnswer.refused(e.code(), e.getMessage());
        }
        return switch (withdrawal.state()) {
            case CLOSED -> ItemAnswer.done(result(withdrawal), "TQ-" + center.code().value() + "-" + request.caseId().value());
            case REJECTED, PAYMENT_FAILED -> ItemAnswer.refused(
                    withdrawal.rejectionCode() != null ? withdrawal.rejectionCode() : withdrawal.state().name(),
                    withdrawal.rejectionReason() != null ? withdrawal.rejectionReason() : withdrawal.state().chinese());
            default -> ItemAnswer.pending("退休提取案件 " + withdrawal.id() + " " + withdrawal.state().chinese());
        };
    }

    private Map<String, String> result(WithdrawalCase closed) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("amount", closed.amount().toString());
        result.put("retiredOn", String.valueOf(closed.retiredOn()));
        result.put("withdrawalCase", closed.id());
        result.put("accountClosed", "true");
        payments.find(InstructionId.forWithdrawal(closed.id())).map(PaymentInstruction::bankReference)
                .ifPresent(reference -> result.put("bankReference", reference));
        return result;
    }
}
