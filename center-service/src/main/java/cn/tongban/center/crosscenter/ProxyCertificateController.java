package cn.tongban.center.crosscenter;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The counter's side of proxy handling (代收代办) of certificates: contribution-and-use (02), loan fully repaid (07). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "proxy certificates", description = "代收代办: contribution-and-use certificate (item 02), loan fully repaid (item 07)")
@SecurityRequirement(name = "bearer")
class ProxyCertificateController {

    private final ProxyCertificateService service;

    ProxyCertificateController(ProxyCertificateService service) {
        this.service = service;
    }

    /**
     * @param identityVerified the clerk checked the applicant's identity document (核验身份)
     * @param formChecked the clerk checked the application form is complete (核验表单)
     */
    record ProxyCertificateRequest(@NotBlank @Size(min = 6, max = 6) String homeCenter,
                                   @NotNull @Valid ApplicantInput applicant,
                                   @NotBlank @Size(max = 40) String lendingCity,
                                   @AssertTrue(message = "the applicant's identity must be checked at the counter first") boolean identityVerified,
                                   @AssertTrue(message = "the form must be checked at the counter first") boolean formChecked) {
    }

    record ApplicantInput(@NotBlank String identityNumber, @NotBlank @Size(max = 40) String name) {
    }

    @PostMapping("/proxy/contribution-use-certificates")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Receive an application at the counter and ask the home center to issue (item 02)")
    ResponseEntity<CaseView> contributionUse(@Valid @RequestBody ProxyCertificateRequest request, Authentication clerk,
                                             @RequestHeader(name = "traceparent", required = false) String traceparent) {
        return submit(ServiceItem.CONTRIBUTION_USE_CERTIFICATE, request, clerk, traceparent);
    }

    @PostMapping("/proxy/loan-repaid-certificates")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Receive an application at the counter and ask the lending center to certify that the loan is fully repaid (item 07)")
    ResponseEntity<CaseView> loanRepaid(@Valid @RequestBody ProxyCertificateRequest request, Authentication clerk,
                                        @RequestHeader(name = "traceparent", required = false) String traceparent) {
        return submit(ServiceItem.LOAN_REPAID_CERTIFICATE, request, clerk, traceparent);
    }

    private ResponseEntity<CaseView> submit(ServiceItem item, ProxyCertificateRequest request, Authentication clerk,
                                            String traceparent) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        if (!CenterCode.isValid(request.homeCenter())) {
            problems.add(new ApiProblem.FieldProblem("homeCenter", "not a center code: " + request.homeCenter()));
        }
        IdentityNumber.problemWith(request.applicant().identityNumber().trim().toUpperCase())
                .ifPresent(reason -> problems.add(new ApiProblem.FieldProblem("applicant.identityNumber", reason)));
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.", problems);
        }
        Applicant applicant = new Applicant(IdentityNumber.of(request.applicant().identityNumber()),
                request.applicant().name().trim());
        CenterCase opened = service.submit(new ProxyCertificateService.Application(item, CenterCode.of(request.homeCenter()),
                applicant, request.lendingCity().trim(), clerk.getName()), TraceContext.continueOrStart(traceparent));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(CaseView.of(opened));
    }

    @PostMapping("/cases/{id}/handover")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Record that the certificate was handed to the applicant; completes the case")
    CaseView handOver(@PathVariable String id, Authentication clerk) {
        return CaseView.of(service.handOver(id, clerk.getName()));
    }
}
