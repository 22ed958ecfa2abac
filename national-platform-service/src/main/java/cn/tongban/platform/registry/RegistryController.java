package cn.tongban.platform.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The center registry, read-only for now. */
@RestController
@Tag(name = "registry", description = "Centers of the federation")
@SecurityRequirement(name = "bearer")
class RegistryController {

    private final CenterRegistry registry;

    RegistryController(CenterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/centers")
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    @Operation(summary = "Every registered center and whether it is active")
    Collection<RegisteredCenter> centers() {
        return registry.all();
    }
}
