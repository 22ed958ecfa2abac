package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificateKind;
import cn.tongban.center.CenterProperties;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.center.crosscenter.CenterCase;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sealed PDF of a certificate this center issued, for the parties of the case (the center's staff, the applicant),
 * and revocation (作废) by the issuer's reviewers.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "sealed certificates", description = "电子证明: sealed PDFs of certificates this center issued; revocation")
@SecurityRequirement(name = "bearer")
class SealedCertificateController {

    private static final String STAFF_OR_PERSON = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN','EMPLOYEE')";
    private static final String STAFF = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN')";
    private static final String REVIEWER = "hasAnyRole('REVIEWER','CENTER_ADMIN')";

    private final SealedCertificates certificates;
    private final CaseStore cases;
    private final CenterProperties center;

    SealedCertificateController(SealedCertificates certificates, CaseStore cases, CenterProperties center) {
        this.certificates = certificates;
        this.cases = cases;
        this.center = center;
    }

    @GetMapping(value = "/cases/{caseId}/certificate.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize(STAFF_OR_PERSON)
    @Operation(summary = "The sealed certificate of a case this center issued (sealed on first request, the same file after)")
    ResponseEntity<byte[]> certificatePdf(@PathVariable String caseId, Authentication authentication) {
        CenterCase found = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        Caller caller = Caller.of(authentication);
        if (!caller.isCenterStaff() && !caller.identityNumber().map(found.applicant().identityNumber().value()::equals).orElse(false)) {
            throw ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId);
        }
        if (!found.handlingCenter().equals(center.code())) {
            throw ApiProblem.conflict("ISSUED_ELSEWHERE", "the certificate of case " + caseId + " is issued and sealed by center "
                    + found.handlingCenter() + ", not here");
        }
        IssuedCertificate issued;
        if (found.certificate() != null) {
            issued = certificates.contributionUse(caseId, found.certificate());
        } else if (found.loanRepaidCertificate() != null) {
            issued = certificates.loanRepaid(caseId, found.loanRepaidCertificate());
        } else if (certificates.issued(caseId, CertificateKind.COMPLETION_RECEIPT).isPresent()) {
            // a jointly handled case this center decided: its completion receipt, sealed when it paid
            issued = certificates.issued(caseId, CertificateKind.COMPLETION_RECEIPT).get();
        } else {
            throw ApiProblem.conflict("NO_CERTIFICATE", "case " + caseId + " is " + found.state() + ": no certificate was issued");
        }
        return pdf(issued);
    }

    /** The register entry, without the file. */
    record CertificateEntry(String verificationCode, String kind, String number, String caseId, Instant issuedAt,
                            String sm3, String sha256, int size, Instant revokedAt, String revokedBy,
                            String revocationReason) {

        static CertificateEntry of(IssuedCertificate c) {
            return new CertificateEntry(c.verificationCode(), c.kind().name(), c.number(), c.caseId(), c.issuedAt(), c.sm3(),
                    c.sha256(), c.size(), c.revokedAt(), c.revokedBy(), c.revocationReason());
        }
    }

    @GetMapping("/certificates/{code}")
    @PreAuthorize(STAFF)
    @Operation(summary = "A register entry of a sealed certificate, by verification code")
    CertificateEntry entry(@PathVariable String code) {
        return certificates.find(code).map(CertificateEntry::of)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CERTIFICATE", "no certificate " + code));
    }

    /** @param reason why it is no longer valid; shown to whoever verifies it */
    record Revocation(@NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping("/certificates/{code}/revoke")
    @PreAuthorize(REVIEWER)
    @Operation(summary = "Revoke (作废) a certificate this center issued; 409 when revoked already")
    CertificateEntry revoke(@PathVariable String code, @Valid @RequestBody Revocation revocation, Authentication authentication) {
        return CertificateEntry.of(certificates.revoke(code, revocation.reason().strip(), authentication.getName()));
    }

    static ResponseEntity<byte[]> pdf(IssuedCertificate issued) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(issued.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Verification-Code", issued.verificationCode())
                .body(issued.pdf());
    }
}
