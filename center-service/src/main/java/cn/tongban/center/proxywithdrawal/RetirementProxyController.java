package cn.tongban.center.proxywithdrawal;

import cn.tongban.center.catalogue.ItemCaseService;
import cn.tongban.center.catalogue.ItemCaseView;
import cn.tongban.center.catalogue.ItemInputs;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.kit.messaging.TraceContext;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter's side of a normal retirement withdrawal by proxy (正常退休提取·代收代办, item 03): a retired person whose
 * account is held at another center applies here; the home center pays and closes the account; the clerk completes
 * the case under {@code /api/v1/items/cases/{id}/completion}.
 */
@RestController
@RequestMapping("/api/v1/proxy")
@Tag(name = "proxy withdrawals", description = "代收代办: normal retirement withdrawal (item 03) at another center's counter")
@SecurityRequirement(name = "bearer")
class RetirementProxyController {

    private final ItemCaseService items;

    RetirementProxyController(ItemCaseService items) {
        this.items = items;
    }

    /**
     * @param homeCenter the center that holds the account (缴存地)
     * @param bankAccount the person's bank card the balance is paid to (收款账号)
     * @param materials the scanned materials' references, if any (e.g. the identity card)
     */
    record RetirementProxyRequest(@NotBlank @Size(min = 6, max = 6) String homeCenter,
                                  @NotNull @Valid ItemInputs.ApplicantInput applicant,
                                  @NotBlank @Size(max = 40) String bankAccount,
                                  @Valid List<ItemInputs.MaterialInput> materials,
                                  @AssertTrue(message = "the applicant's identity must be checked at the counter first") boolean identityVerified,
                                  @AssertTrue(message = "the form must be checked at the counter first") boolean formChecked) {
    }

    @PostMapping("/retirement-withdrawals")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Receive a retirement withdrawal at the counter and ask the home center to pay and close the account")
    ResponseEntity<ItemCaseView> apply(@Valid @RequestBody RetirementProxyRequest request, Authentication clerk,
                                       @RequestHeader(name = "traceparent", required = false) String traceparent) {
        String card = request.bankAccount().trim();
        try {
            BankAccountNumber.of(card);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("bankAccount", e.getMessage());
        }
        return ItemInputs.created(items.submit(new ItemCaseService.Submission(ServiceItem.RETIREMENT_WITHDRAWAL,
                HandlingMode.PROXY, ItemInputs.center(request.homeCenter(), "homeCenter"),
                ItemInputs.applicant(request.applicant()), Map.of(RetirementProxyHandler.BANK_ACCOUNT, card),
                ItemInputs.materials(request.materials()), clerk.getName()), TraceContext.continueOrStart(traceparent)));
    }
}
