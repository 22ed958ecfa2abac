package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The center registry (中心名录), for platform operators: who is in, joining, suspension. */
@RestController
@RequestMapping("/api/v1/centers")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
@Tag(name = "registry", description = "Centers of the federation: register, suspend, resume")
@SecurityRequirement(name = "bearer")
class RegistryController {

    private final CenterRegistry registry;

    RegistryController(CenterRegistry registry) {
        this.registry = registry;
    }

    record Joining(@NotBlank @Size(min = 6, max = 6) String code, @NotBlank @Size(max = 60) String name,
                   @NotBlank @Size(max = 20) String province, @NotBlank String publicKey) {
    }

    record Suspension(@NotBlank @Size(max = 200) String reason) {
    }

    @GetMapping
    @Operation(summary = "Every registered center and whether it is active")
    Collection<RegisteredCenter> centers() {
        return registry.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A center joins: registered with its SM2 public key, its topics provisioned")
    RegisteredCenter register(@Valid @RequestBody Joining joining) {
        return registry.register(code(joining.code()), joining.name(), joining.province(), joining.publicKey());
    }

    @PostMapping("/{code}/suspension")
    @Operation(summary = "Suspend a center: its events are refused until it is resumed")
    RegisteredCenter suspend(@PathVariable String code, @Valid @RequestBody Suspension suspension) {
        return registry.suspend(code(code), suspension.reason());
    }

    @DeleteMapping("/{code}/suspension")
    @Operation(summary = "Resume a suspended center")
    RegisteredCenter resume(@PathVariable String code) {
        return registry.resume(code(code));
    }

    private static CenterCode code(String code) {
        if (!CenterCode.isValid(code)) {
            throw ApiProblem.invalidField("code", "not a center code (6-digit administrative division code): " + code);
        }
        return CenterCode.of(code);
    }
}
