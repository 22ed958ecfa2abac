package cn.tongban.center.registration;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tongban.employer-seal.*}: whose employer e-seals (单位电子印章) this center recognises.
 *
 * @param trustedIssuers the certificates (PEM) or SM2 public keys (base64 X.509) of the e-seal authorities whose seal
 *                       certificates are accepted; in the {@code local} profile the dev authority of {@code devIssuerLabel}
 *                       is trusted as well
 * @param devIssuerLabel the dev key label of the local e-seal authority (insecure, local profile only)
 * @param maxSize the largest sealed material taken
 */
@ConfigurationProperties("tongban.employer-seal")
public record EmployerSealProperties(@DefaultValue List<String> trustedIssuers,
                                     @DefaultValue("employer-seal-authority") String devIssuerLabel,
                                     @DefaultValue("5MB") DataSize maxSize) {

    public EmployerSealProperties {
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
    }
}
