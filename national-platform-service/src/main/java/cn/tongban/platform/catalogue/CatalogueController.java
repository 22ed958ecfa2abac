package cn.tongban.platform.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service-item catalogue with modes and time limits, for operators. */
@RestController
@RequestMapping("/api/v1/catalogue")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
@Tag(name = "catalogue", description = "Service items (跨省通办事项目录): modes and time limits")
@SecurityRequirement(name = "bearer")
class CatalogueController {

    private final ServiceCatalogue catalogue;

    CatalogueController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Every item of the catalogue, the eight of the notice and those added by configuration")
    List<ServiceCatalogue.Entry> items() {
        return catalogue.entries();
    }
}
