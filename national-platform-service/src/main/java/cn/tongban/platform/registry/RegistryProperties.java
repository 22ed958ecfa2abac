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

    /**
     * @param publicKey the center's SM2 public key (base64 X.509), against which its events are verified;
     *                  in the {@code local} profile the center's dev key stands in when it is not given
     */
    public record Center(@NotNull CenterCode code, @NotBlank String name, @NotBlank String province,
                         @DefaultValue("true") boolean active, String publicKey) {
    }
}
