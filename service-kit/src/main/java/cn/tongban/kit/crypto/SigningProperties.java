package cn.tongban.kit.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.signing.*}: this service's own SM2 key (签名密钥), which signs every event it sends (the
 * {@code tbsig} extension) and, at the platform, the audit checkpoints.
 *
 * @param privateKey base64 PKCS#8 (or PEM) of the SM2 private key; a secret, so it comes from the environment
 *                   ({@code TONGBAN_SIGNING_PRIVATEKEY}), never from a file in the repository. Required,
 *                   except in the {@code local} profile, where the insecure dev key of {@code devLabel} stands in.
 * @param devLabel the label of this service's dev key: {@code platform} or {@code center-<code>}
 */
@ConfigurationProperties("tongban.signing")
public record SigningProperties(String privateKey, String devLabel) {

    @Override
    public String toString() {
        return "SigningProperties[privateKey=" + (privateKey == null || privateKey.isBlank() ? "(none)" : "(set)")
                + ", devLabel=" + devLabel + "]";
    }
}
