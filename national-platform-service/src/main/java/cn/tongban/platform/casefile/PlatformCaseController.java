package cn.tongban.platform.casefile;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where every cross-center case stands, for platform operators. */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
@Tag(name = "cases", description = "Cross-center cases tracked by the platform, with their history and due time")
@SecurityRequirement(name = "bearer")
class PlatformCaseController {

    private final PlatformCaseStore cases;

    PlatformCaseController(PlatformCaseStore cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case with every relayed event")
    PlatformCase get(@PathVariable String id) {
        return cases.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + id));
    }

    @GetMapping
    @Operation(summary = "Cases, newest first, by state and center")
    List<PlatformCase> list(@RequestParam(required = false) CaseState state,
                            @RequestParam(required = false) String center,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (center != null && !CenterCode.isValid(center)) {
            throw ApiProblem.invalidField("center", "not a center code: " + center);
        }
        return cases.list(state, center == null ? null : CenterCode.of(center), page, size);
    }
}
