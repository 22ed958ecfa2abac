package cn.tongban.center.withdrawal;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Normal retirement withdrawal (正常退休提取, item 03), fully online: the person for their own account (by the
 * {@code idn} claim), or a counter clerk naming the account. Refusals are 422 problem details with the reason code;
 * a case is shown only to its owner and the center's staff (anyone else: not found).
 */
@RestController
@RequestMapping("/api/v1/withdrawals")
@Tag(name = "withdrawals", description = "提取: retirement withdrawal with payment and account closure")
@SecurityRequirement(name = "bearer")
class WithdrawalController {

    private final RetirementWithdrawalService service;
    private final AccountStore accounts;

    WithdrawalController(RetirementWithdrawalService service, AccountStore accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    /**
     * @param accountNumber the account, required from a clerk; a person may leave it out (their own account)
     * @param bankAccount the person's bank card to pay the balance to (收款账号)
     */
    record RetirementApplication(@Size(max = 32) String accountNumber, @NotBlank @Size(max = 40) String bankAccount) {
    }

    /** A case as shown: the card masked. */
    record CaseView(String id, String accountNumber, String name, String reason, String payeeAccount,
                    WithdrawalState state, String stateName, Instant submittedAt, LocalDate decideBy, Money amount,
                    LocalDate retiredOn, String rejectionCode, String rejectionReason, String paymentInstructionId,
                    List<WithdrawalHistoryEntry> history) {

        static CaseView of(WithdrawalCase c) {
            return new CaseView(c.id(), c.accountNumber(), c.name(), c.reason(),
                    BankAccountNumber.of(c.payeeAccount()).masked(), c.state(), c.state().chinese(), c.submittedAt(),
                    c.decideBy(), c.amount(), c.retiredOn(), c.rejectionCode(), c.rejectionReason(),
                    c.paymentInstructionId(), c.history());
        }
    }

    @PostMapping("/retirement")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK')")
    @Operation(summary = "Withdraw the whole balance on retirement and close the account (离休退休提取销户)")
    CaseView retirement(@Valid @RequestBody RetirementApplication application, Authentication authentication) {
        BankAccountNumber card = card(application.bankAccount());
        PersonalAccount account = applicant(application.accountNumber(), Caller.of(authentication));
        WithdrawalCase result = service.apply(account, card, authentication.getName());
        refuseIfFailed(result);
        return CaseView.of(result);
    }

    private static BankAccountNumber card(String bankAccount) {
        try {
            return BankAccountNumber.of(bankAccount);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("bankAccount", e.getMessage());
        }
    }

    /** A refused case or a failed payment is a 422 with its reason code. */
    private static void refuseIfFailed(WithdrawalCase result) {
        if (result.state() == WithdrawalState.REJECTED || result.state() == WithdrawalState.PAYMENT_FAILED) {
            String code = result.rejectionCode() != null ? result.rejectionCode() : result.state().name();
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code,
                    result.rejectionReason() + "（案件 " + result.id() + "）", List.of());
        }
    }

    /** @param bankAccount the card to pay this time (收款账号), usually not the one that failed */
    record PaymentAttempt(@NotBlank @Size(max = 40) String bankAccount) {
    }

    @PostMapping("/{id}/payment-attempts")
    @PreAuthorize("hasAnyRole('COUNTER_CLERK','REVIEWER')")
    @Operation(summary = "Pay a withdrawal whose payment failed again, once the cause is fixed (再次划付)")
    CaseView payAgain(@PathVariable String id, @Valid @RequestBody PaymentAttempt attempt, Authentication authentication) {
        WithdrawalCase result = service.payAgain(id, card(attempt.bankAccount()), authentication.getName());
        refuseIfFailed(result);
        return CaseView.of(result);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "A withdrawal case, to its owner or the center's staff")
    CaseView one(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return service.find(id)
                .filter(c -> caller.isCenterStaff() || (caller.has(Role.EMPLOYEE)
                        && caller.identityNumber().map(c.identityNumber()::equals).orElse(false)))
                .map(CaseView::of)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no withdrawal case " + id));
    }

    private PersonalAccount applicant(String accountNumber, Caller caller) {
        if (caller.has(Role.COUNTER_CLERK)) {
            if (accountNumber == null || accountNumber.isBlank()) {
                throw ApiProblem.invalidField("accountNumber", "a clerk names the account");
            }
            return accounts.findByAccountNumber(accountNumber)
                    .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber));
        }
        String identityNumber = caller.identityNumber()
                .orElseThrow(() -> ApiProblem.forbidden("NO_IDENTITY", "the token names no person"));
        return accounts.findByIdentityNumber(IdentityNumber.of(identityNumber))
                .filter(own -> accountNumber == null || accountNumber.isBlank() || own.accountNumber().equals(accountNumber))
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + (accountNumber == null ? "of yours" : accountNumber)));
    }

}
