package cn.tongban.center.repayment;

import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.loan.PayoffQuote;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early full repayment (提前还清, item 08): the payoff quote to the day, and the payoff itself (a debit of the quoted
 * amount from the borrower's card, then the loan closed), for the borrower themself or a counter clerk. Someone else's
 * account is answered as not found.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountNumber}/loans/{contractNumber}")
@Tag(name = "loan repayment", description = "提前还清: payoff quote and payoff")
@SecurityRequirement(name = "bearer")
class RepaymentController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LoanPayoffQuotes quotes;
    private final LoanPayoffService payoffs;
    private final Clock clock;

    RepaymentController(LoanPayoffQuotes quotes, LoanPayoffService payoffs, Clock clock) {
        this.quotes = quotes;
        this.payoffs = payoffs;
        this.clock = clock;
    }

    @GetMapping("/payoff")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK')")
    @Operation(summary = "What repaying the loan in full costs on a day (default today)")
    PayoffQuote payoff(@PathVariable String accountNumber, @PathVariable String contractNumber,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                       Authentication authentication) {
        PersonalAccount account = allowed(accountNumber, Caller.of(authentication));
        return quotes.quote(account, contractNumber, on != null ? on : LocalDate.now(clock.withZone(CHINA)));
    }

    /**
     * Repays the loan in full: debits the quoted amount from the card, once, and closes the loan when the bank settled.
     * 200 with the outcome once the bank said settled or failed; 202 while it is still open (a later submission of the
     * same request returns what became of it, and never debits twice).
     */
    @PostMapping("/payoff")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK')")
    @Operation(summary = "Repay the loan in full today: debit the quoted payoff from the borrower's card and close the loan")
    ResponseEntity<PayoffResult> repay(@PathVariable String accountNumber, @PathVariable String contractNumber,
                                       @RequestBody PayoffRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        PersonalAccount account = allowed(accountNumber, caller);
        if (request == null || request.amount() == null) {
            throw ApiProblem.badRequest("AMOUNT_REQUIRED", "请给出试算所得的提前还清金额");
        }
        BankAccountNumber card;
        try {
            card = BankAccountNumber.of(request.debitAccount());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_DEBIT_ACCOUNT", "扣款账号应为 10 至 32 位数字");
        }
        PayoffInstruction outcome = payoffs.payoff(account, contractNumber, card, request.amount(), caller.subject());
        return ResponseEntity.status(outcome.state().isFinal() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(PayoffResult.of(outcome));
    }

    private PersonalAccount allowed(String accountNumber, Caller caller) {
        PersonalAccount account = quotes.account(accountNumber);
        boolean own = caller.has(Role.EMPLOYEE)
                && caller.identityNumber().map(account.identityNumber().value()::equals).orElse(false);
        if (own || caller.has(Role.COUNTER_CLERK)) {
            return account;
        }
        throw ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber);
    }
}
