package cn.tongban.center.account;

import cn.tongban.center.loan.Installment;
import cn.tongban.center.loan.RepaymentSchedule;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Information query (缴存贷款等信息查询, item 01), fully online at the home center: a person sees only their
 * own account, an employer's agent only the staff of its own unit, the center's staff any account.
 * What a caller may not see is answered as not found, so that the answer reveals nothing.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "information query", description = "缴存贷款信息查询: contributions, balance, loans and repayment schedules")
@SecurityRequirement(name = "bearer")
class AccountQueryController {

    private static final String ANYONE_WITH_A_ROLE =
            "hasAnyRole('EMPLOYEE','EMPLOYER_AGENT','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')";

    private final AccountStore accounts;

    AccountQueryController(AccountStore accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts/me")
    @PreAuthorize("hasRole('EMPLOYEE')")
    @Operation(summary = "The caller's own account at this center")
    AccountView mine(Authentication authentication, @RequestParam(defaultValue = "24") @Min(0) @Max(600) int months) {
        String identityNumber = Caller.of(authentication).identityNumber()
                .orElseThrow(() -> ApiProblem.forbidden("NO_IDENTITY", "the token names no person"));
        PersonalAccount account = accounts.findByIdentityNumber(IdentityNumber.of(identityNumber))
                .orElseThrow(() -> ApiProblem.notFound("NO_ACCOUNT_HERE", "you have no account at this center"));
        return AccountView.of(account, true, months);
    }

    @GetMapping("/accounts/{accountNumber}")
    @PreAuthorize(ANYONE_WITH_A_ROLE)
    @Operation(summary = "One account, if the caller may see it")
    AccountView one(@PathVariable String accountNumber, Authentication authentication,
                    @RequestParam(defaultValue = "24") @Min(0) @Max(600) int months) {
        Caller caller = Caller.of(authentication);
        PersonalAccount account = visible(accountNumber, caller);
        return AccountView.of(account, isOwn(account, caller), months);
    }

    @GetMapping("/accounts/{accountNumber}/ledger")
    @PreAuthorize(ANYONE_WITH_A_ROLE)
    @Operation(summary = "The account's ledger (个人明细账): balance, sum of entries, the latest entries newest first")
    LedgerView ledger(@PathVariable String accountNumber, Authentication authentication,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return LedgerView.of(visible(accountNumber, Caller.of(authentication)), limit);
    }

    @GetMapping("/accounts/{accountNumber}/loans/{contractNumber}/schedule")
    @PreAuthorize(ANYONE_WITH_A_ROLE)
    @Operation(summary = "The repayment schedule of one of the account holder's loans")
    List<Installment> schedule(@PathVariable String accountNumber, @PathVariable String contractNumber,
                               Authentication authentication) {
        PersonalAccount account = visible(accountNumber, Caller.of(authentication));
        LoanRecord loan = account.loans().stream().filter(l -> l.contractNumber().equals(contractNumber)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_LOAN", "no loan " + contractNumber + " on this account"));
        RepaymentSchedule schedule = AccountView.scheduleOf(loan);
        if (schedule == null) {
            throw ApiProblem.conflict("NO_CONTRACT_TERMS", "loan " + contractNumber
                    + " was taken over from an older system without its rate and repayment method");
        }
        return schedule.installments();
    }

    @GetMapping("/employers/{employerAccountNumber}/accounts")
    @PreAuthorize("hasAnyRole('EMPLOYER_AGENT','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "The staff accounts of a unit: its own agent or the center's staff")
    List<AccountView> staff(@PathVariable String employerAccountNumber, Authentication authentication,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Caller caller = Caller.of(authentication);
        if (!caller.isCenterStaff() && !caller.employer().map(employerAccountNumber::equals).orElse(false)) {
            throw ApiProblem.forbidden("NOT_YOUR_UNIT", "an employer's agent sees only its own unit");
        }
        return accounts.findByEmployer(employerAccountNumber, page, size).stream()
                .map(account -> AccountView.of(account, false, 0)).toList();
    }

    private PersonalAccount visible(String accountNumber, Caller caller) {
        return accounts.findByAccountNumber(accountNumber)
                .filter(account -> caller.isCenterStaff() || isOwn(account, caller)
                        || (caller.has(Role.EMPLOYER_AGENT)
                        && caller.employer().map(account.employerAccountNumber()::equals).orElse(false)))
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber));
    }

    private static boolean isOwn(PersonalAccount account, Caller caller) {
        return caller.has(Role.EMPLOYEE)
                && caller.identityNumber().map(account.identityNumber().value()::equals).orElse(false);
    }

}
