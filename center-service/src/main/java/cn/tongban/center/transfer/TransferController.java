package cn.tongban.center.transfer;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.web.ApiProblem;
import cn.tongban.kit.messaging.TraceContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account transfer between centers (异地转移接续) at either center: the new center's staff start it for a person who
 * arrived and may cancel it until acceptance; the old center's staff accept or refuse the contact letter; the person
 * follows it; staff reconcile in = out per letter.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "account transfer", description = "异地转移接续: transfer an account from another center")
@SecurityRequirement(name = "bearer")
class TransferController {

    private static final String STAFF = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN')";

    private final TransferService service;
    private final TransferReconciliation reconciliation;

    TransferController(TransferService service, TransferReconciliation reconciliation) {
        this.service = service;
        this.reconciliation = reconciliation;
    }

    /**
     * @param oldCenter the center that holds the account now (转出地)
     * @param newAccountNumber the person's account here, opened by the new employer
     * @param oldAccountNumber the account at the old center, if the person knows it
     */
    record TransferRequest(@NotBlank @Pattern(regexp = "\\d{6}") String oldCenter,
                           @NotBlank @Size(min = 18, max = 18) String identityNumber, @NotBlank @Size(max = 40) String name,
                           @NotBlank @Size(max = 40) String newAccountNumber, @Size(max = 40) String oldAccountNumber) {
    }

    record Cancellation(@NotBlank @Size(max = 200) String reason) {
    }

    /** @param fraudRecorded 骗提骗贷 on record for the person */
    record Acceptance(boolean fraudRecorded) {
    }

    record Refusal(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String reasonCode, @NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Issue the contact letter and apply to the old center for the transfer (转入申请)")
    ResponseEntity<TransferView> apply(@Valid @RequestBody TransferRequest request, Authentication clerk,
                                       @RequestHeader(name = "traceparent", required = false) String traceparent) {
        IdentityNumber identity;
        CenterCode old;
        try {
            identity = IdentityNumber.of(request.identityNumber());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("identityNumber", e.getMessage());
        }
        try {
            old = CenterCode.of(request.oldCenter());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("oldCenter", e.getMessage());
        }
        TransferCase opened = service.apply(new TransferService.Application(old, new Applicant(identity, request.name().strip()),
                request.newAccountNumber().strip(), request.oldAccountNumber(), clerk.getName()),
                TraceContext.continueOrStart(traceparent));
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + opened.id())).body(TransferView.of(opened));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN','EMPLOYEE')")
    @Operation(summary = "A transfer with its national status, the transfer-out facts and the history")
    TransferView get(@PathVariable String id, Authentication authentication) {
        TransferCase found = service.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_TRANSFER", "no transfer " + id));
        Caller caller = Caller.of(authentication);
        if (!caller.isCenterStaff()
                && !caller.identityNumber().map(found.applicant().identityNumber().value()::equals).orElse(false)) {
            throw ApiProblem.notFound("NO_SUCH_TRANSFER", "no transfer " + id);
        }
        return TransferView.of(found);
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('EMPLOYEE')")
    @Operation(summary = "The caller's own transfers at this center and where each stands")
    List<TransferView> mine(Authentication authentication) {
        String identity = Caller.of(authentication).identityNumber()
                .orElseThrow(() -> ApiProblem.badRequest("NO_IDENTITY", "the token carries no identity number"));
        return service.ofPerson(identity).stream().map(TransferView::of).toList();
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Cancel the application (转入撤销); only before the old center accepted it")
    TransferView cancel(@PathVariable String id, @Valid @RequestBody Cancellation cancellation, Authentication clerk) {
        return TransferView.of(service.cancel(id, cancellation.reason().strip(), clerk.getName()));
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize("hasAnyRole('REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "Accept the contact letter (联系函确认接收) and transfer the account out")
    TransferView accept(@PathVariable String id, @Valid @RequestBody Acceptance acceptance, Authentication reviewer) {
        return TransferView.of(service.accept(id, acceptance.fraudRecorded(), reviewer.getName()));
    }

    @PostMapping("/{id}/refusal")
    @PreAuthorize("hasAnyRole('REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "Refuse the contact letter (转出审核不通过, 13) with the reason")
    TransferView refuse(@PathVariable String id, @Valid @RequestBody Refusal refusal, Authentication reviewer) {
        return TransferView.of(service.refuse(id, refusal.reasonCode(), refusal.reason().strip(), reviewer.getName()));
    }

    @GetMapping("/reconciliation")
    @PreAuthorize(STAFF)
    @Operation(summary = "Transfer reconciliation: per contact letter, out at the old center against in at the new")
    TransferReconciliation.Report reconciliation() {
        return reconciliation.report();
    }
}
