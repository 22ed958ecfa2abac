package cn.tongban.center.repayment;

import cn.tongban.center.account.PersonalAccount;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early full repayment (提前还清, item 08): the payoff quote to the day, for the borrower themself or a counter clerk.
 * Someone else's account is answered as not found.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountNumber}/loans/{contractNumber}")
@Tag(name = "loan repayment", description = "提前还清: payoff quote")
@SecurityRequirement(name = "bearer")
class RepaymentController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LoanPayoffQuotes quotes;
    private final Clock clock;

    RepaymentController(LoanPayoffQuotes quotes, Clock clock) {
        this.quotes = quotes;
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
