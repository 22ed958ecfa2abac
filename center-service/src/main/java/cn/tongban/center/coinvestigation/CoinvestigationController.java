package cn.tongban.center.coinvestigation;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.kit.messaging.TraceContext;
import cn.tongban.kit.web.ApiProblem;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Information co-investigation (信息协查) at either center: staff ask another center to check a fact, the other center's
 * staff answer; both see the platform's due time and whether the answer is overdue.
 */
@RestController
@RequestMapping("/api/v1/coinvestigations")
@Tag(name = "co-investigation", description = "信息协查: ask another center to check a fact, with a deadline")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
class CoinvestigationController {

    private final CoinvestigationService service;

    CoinvestigationController(CoinvestigationService service) {
        this.service = service;
    }

    /** Exactly one of {@code identityNumber} (a person) and {@code creditCode} (an employer). */
    record CoinvestigationRequest(@NotBlank @Pattern(regexp = "\\d{6}") String investigatingCenter,
                                  @Size(min = 18, max = 18) String identityNumber, @Size(min = 18, max = 18) String creditCode,
                                  @Size(max = 80) String subjectName, @NotBlank @Size(max = 500) String question,
                                  @NotBlank @Size(max = 500) String purpose) {
    }

    /** @param confirmed whether the fact holds; absent when it could not be established */
    record Answer(Boolean confirmed, @NotBlank @Size(max = 1000) String finding) {
    }

    @PostMapping
    @Operation(summary = "Ask another center to check a fact about a person or an employer (协查申请)")
    ResponseEntity<Coinvestigation> request(@Valid @RequestBody CoinvestigationRequest body, Authentication staff,
                                            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        CoinvestigationService.Request request;
        try {
            request = new CoinvestigationService.Request(CenterCode.of(body.investigatingCenter()),
                    body.identityNumber() == null ? null : IdentityNumber.of(body.identityNumber()),
                    body.creditCode() == null ? null : CreditCode.of(body.creditCode()), body.subjectName(),
                    body.question().strip(), body.purpose().strip(), staff.getName());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_COINVESTIGATION", e.getMessage());
        }
        Coinvestigation opened = service.request(request, TraceContext.continueOrStart(traceparent));
        return ResponseEntity.created(URI.create("/api/v1/coinvestigations/" + opened.id())).body(opened);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A co-investigation with its answer, due time and breach")
    Coinvestigation get(@PathVariable String id) {
        return service.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_COINVESTIGATION", "no co-investigation " + id));
    }

    @GetMapping
    @Operation(summary = "This center's co-investigations, either side; ?breached=true for the overdue ones")
    List<Coinvestigation> list(@RequestParam(defaultValue = "false") boolean breached) {
        return service.list(breached);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer a co-investigation this center was asked (协查答复)")
    Coinvestigation answer(@PathVariable String id, @Valid @RequestBody Answer answer, Authentication staff) {
        return service.answer(id, answer.confirmed(), answer.finding().strip(), staff.getName());
    }
}
