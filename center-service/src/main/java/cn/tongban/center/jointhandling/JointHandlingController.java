package cn.tongban.center.jointhandling;

import cn.tongban.center.catalogue.ItemInputs;
import cn.tongban.center.catalogue.ItemCaseView;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.policy.Buyer;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.kit.messaging.TraceContext;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-place joint handling of a home-purchase withdrawal (两地联办购房提取, item 06) at the purchase place: a counter
 * clerk for an applicant, or the person online for themselves. The case is then followed, completed and its paper
 * mailings tracked under {@code /api/v1/items/cases/{id}}.
 */
@RestController
@RequestMapping("/api/v1/joint-handling")
@Tag(name = "joint handling", description = "两地联办: home-purchase withdrawal (item 06) received at the purchase place")
@SecurityRequirement(name = "bearer")
class JointHandlingController {

    private final JointPurchaseService service;

    JointHandlingController(JointPurchaseService service) {
        this.service = service;
    }

    /**
     * @param contributionCenter the center that holds the applicant's account (缴存地)
     * @param buyer {@code self}, {@code spouse}, {@code parent} or {@code child}: who bought the home
     * @param buyerIdentityNumber the buyer on the contract, when not the applicant
     * @param amount the amount applied for, yuan ("200000.00")
     * @param loanAmount all loans for the home, yuan; none when left out
     * @param bankAccount the applicant's bank card (收款账号)
     * @param materials the scanned materials' references (at least the purchase contract)
     */
    record PurchaseWithdrawalRequest(@NotBlank @Size(min = 6, max = 6) String contributionCenter,
                                     @NotNull @Valid ItemInputs.ApplicantInput applicant,
                                     @NotBlank @Size(max = 40) String contractNumber, @NotBlank String buyer,
                                     String buyerIdentityNumber, @Size(max = 40) String buyerName,
                                     @NotBlank String amount, String loanAmount,
                                     @NotBlank @Size(max = 40) String bankAccount,
                                     @NotEmpty @Valid List<ItemInputs.MaterialInput> materials) {
    }

    @PostMapping("/purchase-withdrawals")
    @PreAuthorize("hasAnyRole('COUNTER_CLERK','EMPLOYEE')")
    @Operation(summary = "Apply for a home-purchase withdrawal from the account at another center (两地联办, item 06)")
    ResponseEntity<ItemCaseView> apply(@Valid @RequestBody PurchaseWithdrawalRequest request, Authentication authentication,
                                       @RequestHeader(name = "traceparent", required = false) String traceparent) {
        Caller caller = Caller.of(authentication);
        Applicant applicant = ItemInputs.applicant(request.applicant());
        if (!caller.has(Role.COUNTER_CLERK) && !caller.identityNumber().map(applicant.identityNumber().value()::equals).orElse(false)) {
            throw ApiProblem.forbidden("NOT_YOUR_APPLICATION", "online, a person applies only for themselves");
        }
        Buyer buyer = Buyer.ofKey(request.buyer())
                .orElseThrow(() -> ApiProblem.invalidField("buyer", "one of self, spouse, parent, child"));
        IdentityNumber buyerNumber = applicant.identityNumber();
        String buyerName = applicant.name();
        if (buyer != Buyer.SELF) {
            if (request.buyerIdentityNumber() == null || request.buyerName() == null || request.buyerName().isBlank()) {
                throw ApiProblem.invalidField("buyerIdentityNumber", "the buyer on the contract is named when it is not the applicant");
            }
            buyerNumber = field("buyerIdentityNumber", request.buyerIdentityNumber().trim().toUpperCase(), IdentityNumber::of);
            buyerName = request.buyerName().trim();
        }
        Money amount = field("amount", request.amount(), Money::parse);
        if (amount.fen() <= 0) {
            throw ApiProblem.invalidField("amount", "a positive amount");
        }
        Money loans = request.loanAmount() == null ? Money.ZERO : field("loanAmount", request.loanAmount(), Money::parse);
        var opened = service.apply(new JointPurchaseService.Application(
                ItemInputs.center(request.contributionCenter(), "contributionCenter"), applicant,
                field("contractNumber", request.contractNumber().trim(), number -> {
                    new cn.tongban.center.department.PurchaseQuery(applicant.identityNumber(), applicant.name(), number);
                    return number;
                }), buyer, buyerNumber, buyerName, amount, loans,
                field("bankAccount", request.bankAccount().trim(), BankAccountNumber::of),
                ItemInputs.materials(request.materials()), authentication.getName()), TraceContext.continueOrStart(traceparent));
        return ItemInputs.created(opened);
    }

    private static <T> T field(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, e.getMessage());
        }
    }
}
