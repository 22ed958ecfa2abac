package cn.tongban.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log's verification, for platform operators. */
@RestController
@Tag(name = "audit", description = "The hash-chained audit log of relayed events (审计日志)")
@SecurityRequirement(name = "bearer")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/audit/verify")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    @Operation(summary = "Verify the whole audit log: hash chain, sequence numbers and signed checkpoints",
            description = "Reads every record; on a long log this takes a while. The answer is 200 either way:"
                    + " 'intact' says whether anything was found, 'findings' what and where.")
    AuditReport verify() {
        return verifier.verify();
    }
}
