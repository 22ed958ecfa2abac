package cn.tongban.center.bookkeeping;

import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bookkeeping report for the center's staff: interest settled, balances and payments reconciled. */
@RestController
@RequestMapping("/api/v1/bookkeeping")
@Tag(name = "bookkeeping", description = "年度结息与对账: the nightly interest settlement and reconciliation")
@SecurityRequirement(name = "bearer")
class BookkeepingController {

    private final Bookkeeping bookkeeping;

    BookkeepingController(Bookkeeping bookkeeping) {
        this.bookkeeping = bookkeeping;
    }

    @GetMapping("/reports/latest")
    @PreAuthorize("hasAnyRole('REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "The report of the last bookkeeping run")
    BookkeepingReport latest() {
        return bookkeeping.latest().orElseThrow(() -> ApiProblem.notFound("NO_REPORT", "bookkeeping has not run yet"));
    }

    @PostMapping("/runs")
    @PreAuthorize("hasRole('CENTER_ADMIN')")
    @Operation(summary = "Run the bookkeeping now (it holds the same lease as the nightly run)")
    BookkeepingReport runNow() {
        return bookkeeping.runIfFree().orElseThrow(() -> ApiProblem.conflict("RUN_IN_PROGRESS",
                "another instance is running the bookkeeping; look at the report when it is done"));
    }
}
