package cn.tongban.center;

import cn.tongban.contracts.CenterCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.center.*}: who this center is.
 *
 * @param code the center's code (6-digit administrative division code)
 * @param name the center's name as printed on what it issues
 * @param phone the service phone printed on certificates
 * @param federation the codes of the centers this one may address through the platform
 * @param platformPublicKey the platform's SM2 public key (base64 X.509): everything forwarded to this center
 *                          must be signed with it; in the {@code local} profile the platform's dev key stands in
 */
@Validated
@ConfigurationProperties("tongban.center")
public record CenterProperties(@NotNull CenterCode code, @NotBlank String name,
                               @DefaultValue("12329") String phone, @NotEmpty List<CenterCode> federation,
                               String platformPublicKey) {

    public boolean knows(CenterCode center) {
        return federation.contains(center);
    }
}
