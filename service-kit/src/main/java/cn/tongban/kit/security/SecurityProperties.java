package cn.tongban.kit.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.security.*}.
 *
 * @param audience the audience this service accepts in tokens, e.g. {@code tongban-center-110000}
 * @param devIssuer the dev-only token issuer, active in the {@code local} profile only
 */
@Validated
@ConfigurationProperties("tongban.security")
public record SecurityProperties(@NotBlank String audience, @Valid @DefaultValue DevIssuer devIssuer) {

    /**
     * @param secret HMAC key (at least 32 bytes) shared by the local federation; never used in production
     * @param issuer the {@code iss} of dev tokens
     */
    public record DevIssuer(@DefaultValue("tongban-local-dev-only-secret-change-me-0123456789") String secret,
                            @DefaultValue("tongban-dev-issuer") String issuer,
                            @DefaultValue("8h") java.time.Duration validity) {
    }
}
