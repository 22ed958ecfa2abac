package cn.tongban.center.contribution;

import cn.tongban.center.account.AccountView;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.Money;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contribution information change (item 05), fully online: the employer's agent for its own staff, or the
 * center's counter clerk. Refusals by the center's policy are 422 problem details with the rule's code.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountNumber}")
@Tag(name = "contribution changes", description = "单位及个人缴存信息变更: base, leaving (封存) and joining (启封), with history")
@SecurityRequirement(name = "bearer")
class ContributionChangeController {

    private static final String AGENT_OR_CLERK = "hasAnyRole('EMPLOYER_AGENT','COUNTER_CLERK','CENTER_ADMIN')";

    private final ContributionChangeService service;

    ContributionChangeController(ContributionChangeService service) {
        this.service = service;
    }

    /** @param base the new monthly contribution base in yuan, e.g. "21000.00" */
    record BaseChange(@NotBlank String base, @NotNull LocalDate effectiveOn) {
    }

    record Leaving(@NotBlank @Size(max = 200) String reason) {
    }

    record Joining(@NotBlank @Size(max = 32) String employerAccountNumber, @NotBlank @Size(max = 100) String employerName) {
    }

    @PutMapping("/base")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "Change the contribution base, within this center's floor and cap")
    AccountView changeBase(@PathVariable String accountNumber, @Valid @RequestBody BaseChange change,
                               Authentication authentication) {
        Money base;
        try {
            base = Money.parse(change.base());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("base", e.getMessage());
        }
        PersonalAccount account = allowed(accountNumber, Caller.of(authentication));
        return AccountView.of(service.changeBase(account, base, change.effectiveOn(), authentication.getName()), false, 0);
    }

    @PostMapping("/seal")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "A member of staff leaves the unit: the account is sealed (封存)")
    AccountView seal(@PathVariable String accountNumber, @Valid @RequestBody Leaving leaving,
                         Authentication authentication) {
        PersonalAccount account = allowed(accountNumber, Caller.of(authentication));
        return AccountView.of(service.seal(account, leaving.reason(), authentication.getName()), false, 0);
    }

    @PostMapping("/unseal")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "A person joins a unit: the sealed account is reopened (启封) under the new employer")
    AccountView unseal(@PathVariable String accountNumber, @Valid @RequestBody Joining joining,
                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!isStaff(caller) && !caller.employer().map(joining.employerAccountNumber()::equals).orElse(false)) {
            throw ApiProblem.forbidden("NOT_YOUR_UNIT", "an employer's agent can take staff only into its own unit");
        }
        PersonalAccount account = service.account(accountNumber);
        return AccountView.of(service.unseal(account, joining.employerAccountNumber(), joining.employerName(),
                authentication.getName()), false, 0);
    }

    @GetMapping("/changes")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "The account's changes, newest first")
    List<AccountChange> history(@PathVariable String accountNumber, Authentication authentication) {
        allowed(accountNumber, Caller.of(authentication));
        return service.history(accountNumber);
    }

    /** The account, if the caller may change it: staff any, an agent its own unit's; else not found. */
    private PersonalAccount allowed(String accountNumber, Caller caller) {
        PersonalAccount account = service.account(accountNumber);
        if (isStaff(caller) || (caller.has(Role.EMPLOYER_AGENT)
                && caller.employer().map(account.employerAccountNumber()::equals).orElse(false))) {
            return account;
        }
        throw ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber);
    }

    private static boolean isStaff(Caller caller) {
        return caller.has(Role.COUNTER_CLERK) || caller.has(Role.CENTER_ADMIN);
    }
}
