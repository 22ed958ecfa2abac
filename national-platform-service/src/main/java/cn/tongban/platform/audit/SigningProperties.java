package cn.tongban.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.signing.*}: the platform's own SM2 key (平台签名密钥), which signs the audit checkpoints.
 *
 * @param privateKey base64 PKCS#8 (or PEM) of the platform's SM2 private key; a secret, so it comes from the
 *                   environment ({@code TONGBAN_SIGNING_PRIVATEKEY}), never from a file in the repository.
 *                   Required, except in the {@code local} profile, where the insecure dev key
 *                   {@code Sm2Keys.devKeyPair("platform")} stands in for it.
 */
@ConfigurationProperties("tongban.signing")
public record SigningProperties(String privateKey) {

    @Override
    public String toString() {
        return "SigningProperties[privateKey=" + (privateKey == null || privateKey.isBlank() ? "(none)" : "(set)") + "]";
    }
}
