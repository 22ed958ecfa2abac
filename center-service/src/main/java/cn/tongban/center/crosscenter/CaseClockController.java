package cn.tongban.center.crosscenter;

import cn.tongban.contracts.casefile.MaterialReference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff of either center working a case's clock: missing materials (补正) asked for and supplied, extensions
 * (延期) asked for and answered. Each answer is the case as it now stands here.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = "case clock", description = "补正 and 延期: missing materials and extensions of a cross-center case")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
class CaseClockController {

    private final CaseClockService service;

    CaseClockController(CaseClockService service) {
        this.service = service;
    }

    record SupplementRequestInput(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> missing,
                                  @Size(max = 500) String note) {
    }

    record MaterialInput(@NotBlank @Size(max = 128) String documentId, @NotBlank @Size(max = 100) String name,
                         @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "an SM3 digest is 64 lower-case hex digits") String sm3) {
    }

    record SupplementInput(@NotEmpty @Size(max = 50) List<@Valid @NotNull MaterialInput> materials) {
    }

    record ExtensionRequestInput(@Min(1) @Max(60) int workingDays, @NotBlank @Size(max = 500) String reason) {
    }

    record ExtensionAnswerInput(@NotNull Boolean agreed, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/supplement-request")
    @Operation(summary = "Handling center: ask for the missing materials (一次性告知补正); the clock stops")
    CaseView requestSupplement(@PathVariable String id, @Valid @RequestBody SupplementRequestInput input, Authentication staff) {
        return CaseView.of(service.requestSupplement(id, input.missing().stream().map(String::trim).toList(),
                input.note() == null ? "" : input.note().trim(), staff.getName()));
    }

    @PostMapping("/supplements")
    @Operation(summary = "Requesting center: supply the materials as references to its scans; the clock runs again")
    CaseView supply(@PathVariable String id, @Valid @RequestBody SupplementInput input, Authentication staff) {
        return CaseView.of(service.supply(id, input.materials().stream()
                .map(m -> new MaterialReference(m.documentId().trim(), m.name().trim(), m.sm3())).toList(), staff.getName()));
    }

    @PostMapping("/extension-request")
    @Operation(summary = "Handling center: ask for more working days, with the reason (申请延期)")
    CaseView requestExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequestInput input, Authentication staff) {
        return CaseView.of(service.requestExtension(id, input.workingDays(), input.reason().trim(), staff.getName()));
    }

    @PostMapping("/extension-answer")
    @Operation(summary = "Requesting center: agree to or decline the extension, with the reason")
    CaseView answerExtension(@PathVariable String id, @Valid @RequestBody ExtensionAnswerInput input, Authentication staff) {
        return CaseView.of(service.answerExtension(id, input.agreed(), input.reason().trim(), staff.getName()));
    }
}
