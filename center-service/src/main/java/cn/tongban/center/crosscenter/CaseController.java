package cn.tongban.center.crosscenter;

import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cross-center cases of this center and their history: staff see all, a person only their own. */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
@Tag(name = "cases", description = "Cross-center cases at this center, with their history")
@SecurityRequirement(name = "bearer")
class CaseController {

    private static final String STAFF_OR_PERSON = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN','EMPLOYEE')";

    private final CaseStore cases;

    CaseController(CaseStore cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF_OR_PERSON)
    @Operation(summary = "One case with its history (and the certificate once issued)")
    CaseView get(@PathVariable String id, Authentication authentication) {
        CenterCase found = cases.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + id));
        Caller caller = Caller.of(authentication);
        if (!caller.isCenterStaff() && (found.applicant() == null
                || !caller.identityNumber().map(found.applicant().identityNumber().value()::equals).orElse(false))) {
            throw ApiProblem.notFound("NO_SUCH_CASE", "no case " + id);
        }
        return CaseView.of(found);
    }

    @GetMapping
    @PreAuthorize(STAFF_OR_PERSON)
    @Operation(summary = "Cases, newest first; a person sees only their own")
    List<CaseView> list(@RequestParam(required = false) CaseState state,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                        Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String onlyFor = caller.isCenterStaff() ? null : caller.identityNumber()
                .orElseThrow(() -> ApiProblem.forbidden("NO_IDENTITY", "the token names no person"));
        return cases.list(state, onlyFor, page, size).stream().map(CaseView::of).toList();
    }

}
