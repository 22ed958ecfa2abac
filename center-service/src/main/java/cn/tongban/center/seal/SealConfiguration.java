package cn.tongban.center.seal;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** This center's seal, the font its certificates are printed in, and the seals it can check. */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SealConfiguration.class);
    static final String LOCAL_PROFILE = "local";

    @Bean
    CenterSeal centerSeal(SealProperties seal, CenterProperties center, ObjectProvider<Sm2KeyPair> signingKey,
                          Environment environment, Clock clock) {
        boolean local = environment.matchesProfiles(LOCAL_PROFILE);
        Sm2KeyPair key;
        if (seal.privateKey() != null && !seal.privateKey().isBlank()) {
            key = Sm2Keys.keyPairOf(seal.privateKey());
        } else if (local) {
            key = Sm2Keys.devKeyPair(devLabel(seal, center.code()));
            log.warn("no tongban.seal.private-key: sealing with the INSECURE dev key \"{}\", fit for the local profile only",
                    devLabel(seal, center.code()));
        } else {
            key = signingKey.getIfAvailable();
            if (key == null) {
                throw new IllegalStateException("tongban.seal.private-key (TONGBAN_SEAL_PRIVATEKEY) is not set and there is"
                        + " no signing key to fall back on: certificates could not be sealed");
            }
            log.warn("no tongban.seal.private-key: certificates are sealed with the center's signing key");
        }
        CenterSeal result;
        if (seal.certificate() != null && !seal.certificate().isBlank()) {
            result = new CenterSeal(center.code(), center.name(), key, CenterSeal.readCertificate(seal.certificate()));
        } else {
            result = CenterSeal.selfIssued(center.code(), center.name(), key, clock.instant());
            if (!local) {
                log.warn("no tongban.seal.certificate: the seal certificate is issued by the center itself");
            }
        }
        log.info("seal of {}: key {}, certificate {}", center.code(), result.fingerprint(),
                org.bouncycastle.asn1.x500.X500Name.getInstance(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE,
                        result.certificate().getSubjectX500Principal().getEncoded()));
        return result;
    }

    /** Stops start-up when no CJK font is there: certificates must never print empty boxes. */
    @Bean
    CjkFont cjkFont(SealProperties seal) {
        CjkFont font = CjkFont.locate(seal.font().orElse(null));
        log.info("certificates are printed in {}", font.source());
        return font;
    }

    @Bean
    CertificatePdf certificatePdf(CjkFont font) {
        return new CertificatePdf(font);
    }

    @Bean
    PdfSealer pdfSealer(CenterSeal seal) {
        return new PdfSealer(seal);
    }

    /** Our own seal, the configured peers', and in the local profile every federation center's dev seal. */
    @Bean
    SealedPdfVerifier sealedPdfVerifier(CenterSeal own, SealProperties seal, CenterProperties center,
                                        Environment environment) {
        Map<CenterCode, PublicKey> keys = new HashMap<>();
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            center.federation().forEach(code -> keys.put(code, Sm2Keys.devKeyPair("seal-center-" + code.value()).publicKey()));
        }
        seal.peers().forEach((code, text) -> keys.put(CenterCode.of(code), peerKey(code, text)));
        keys.put(own.center(), own.key().publicKey());
        return new SealedPdfVerifier(keys);
    }

    /** A peer's seal as a public key, or as its certificate. */
    private static PublicKey peerKey(String code, String text) {
        try {
            return Sm2Keys.decodePublicKey(text);
        } catch (IllegalArgumentException notAKey) {
            try {
                return CenterSeal.readCertificate(text).getPublicKey();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tongban.seal.peers." + code + " is neither an SM2 public key nor a certificate", e);
            }
        }
    }

    private static String devLabel(SealProperties seal, CenterCode center) {
        return seal.devLabel() != null && !seal.devLabel().isBlank() ? seal.devLabel() : "seal-center-" + center.value();
    }
}
