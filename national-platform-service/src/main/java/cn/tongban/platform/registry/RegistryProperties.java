package cn.tongban.platform.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import cn.tongban.contracts.CenterCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code tongban.platform.centers}: the centers of the federation, as configured. */
@Validated
@ConfigurationProperties("tongban.platform")
public record RegistryProperties(@NotEmpty List<@Valid Center> centers) {

    public record Center(@NotNull CenterCode code, @NotBlank String name, @NotBlank String province,
                         @DefaultValue("true") boolean active) {
    }
}
