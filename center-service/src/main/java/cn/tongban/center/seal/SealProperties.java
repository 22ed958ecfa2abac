package cn.tongban.center.seal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tongban.seal.*}: this center's electronic seal (电子印章) and how its sealed certificates are checked.
 *
 * @param privateKey base64 PKCS#8 (or PEM) of the seal's SM2 private key, from a secret ({@code TONGBAN_SEAL_PRIVATEKEY}).
 *                   Not set: in the {@code local} profile the insecure dev key of {@code devLabel}; elsewhere the
 *                   center's signing key ({@code tongban.signing.private-key}) seals too, and start-up says so
 * @param certificate the seal's X.509 certificate (PEM or base64 DER), issued by a recognised CA; not set: the center
 *                    issues one to itself at start-up (local runs and tests; a warning elsewhere)
 * @param devLabel the dev key's label, {@code seal-center-<code>}
 * @param fontPath a TrueType font (.ttf/.ttc) with Chinese glyphs; not set: the font shipped in the jar ({@link CjkFont#BUNDLED})
 * @param verificationBaseUrl where the public verification endpoint is reached from outside, printed in the QR code
 * @param peers other centers' seal public keys (base64 X.509 SubjectPublicKeyInfo, or their seal certificate), by
 *              center code, so that their sealed PDFs can be checked here too; in the {@code local} profile the
 *              federation's dev seal keys are known without this
 * @param maxUpload the largest PDF the public endpoint takes
 */
@ConfigurationProperties("tongban.seal")
public record SealProperties(String privateKey, String certificate, String devLabel, String fontPath,
                             @DefaultValue("http://localhost:8081") String verificationBaseUrl,
                             @DefaultValue Map<String, String> peers, @DefaultValue("5MB") DataSize maxUpload) {

    public SealProperties {
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        verificationBaseUrl = verificationBaseUrl.endsWith("/")
                ? verificationBaseUrl.substring(0, verificationBaseUrl.length() - 1) : verificationBaseUrl;
    }

    /** The configured font, or empty to look in the Debian locations. */
    public Optional<Path> font() {
        return fontPath == null || fontPath.isBlank() ? Optional.empty() : Optional.of(Path.of(fontPath.strip()));
    }

    @Override
    public String toString() {
        return "SealProperties[privateKey=" + (privateKey == null || privateKey.isBlank() ? "(none)" : "(set)")
                + ", certificate=" + (certificate == null || certificate.isBlank() ? "(self-issued)" : "(set)")
                + ", devLabel=" + devLabel + ", fontPath=" + fontPath + ", verificationBaseUrl=" + verificationBaseUrl
                + ", peers=" + peers.keySet() + ", maxUpload=" + maxUpload + "]";
    }
}
