package cn.tongban.kit.crypto;

import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** This service's SM2 signing key, and how keys of the other parties are found. */
@AutoConfiguration
@EnableConfigurationProperties(SigningProperties.class)
public class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);
    static final String LOCAL_PROFILE = "local";

    /**
     * {@code tongban.signing.private-key}, or in the {@code local} profile only the insecure dev key of
     * {@code tongban.signing.dev-label}. Anywhere else a missing key stops start-up.
     */
    @Bean
    Sm2KeyPair signingKey(SigningProperties signing, Environment environment) {
        if (signing.privateKey() != null && !signing.privateKey().isBlank()) {
            Sm2KeyPair key = Sm2Keys.keyPairOf(signing.privateKey());
            log.info("signing key {}", Sm2Keys.fingerprint(key.publicKey()));
            return key;
        }
        if (environment.matchesProfiles(LOCAL_PROFILE) && signing.devLabel() != null) {
            Sm2KeyPair key = Sm2Keys.devKeyPair(signing.devLabel());
            log.warn("no tongban.signing.private-key: using the INSECURE dev key \"{}\" ({}), fit for the local"
                    + " profile only", signing.devLabel(), Sm2Keys.fingerprint(key.publicKey()));
            return key;
        }
        throw new IllegalStateException("tongban.signing.private-key (TONGBAN_SIGNING_PRIVATEKEY) is not set: every"
                + " service needs its SM2 private key, base64 PKCS#8, to sign what it sends");
    }

    /**
     * The public key of another party: the configured one, or in the {@code local} profile the dev key of
     * {@code devLabel}. Null when neither applies; the caller decides whether that is fatal.
     */
    public static PublicKey peerKey(String configured, String devLabel, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            return Sm2Keys.decodePublicKey(configured);
        }
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return Sm2Keys.devKeyPair(devLabel).publicKey();
        }
        return null;
    }
}
