package cn.tongban.platform.audit;

import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The audit log's wiring: the platform's signing key, the log, its checkpoints and its verifier. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    static final String LOCAL_PROFILE = "local";
    static final String DEV_KEY_LABEL = "platform";

    /**
     * The platform's SM2 key pair: {@code tongban.signing.private-key}, or in the {@code local} profile only
     * the insecure dev key {@code Sm2Keys.devKeyPair("platform")}. Anywhere else a missing key stops start-up.
     */
    @Bean
    Sm2KeyPair platformSigningKey(SigningProperties signing, Environment environment) {
        if (signing.privateKey() != null && !signing.privateKey().isBlank()) {
            Sm2KeyPair key = Sm2Keys.keyPairOf(signing.privateKey());
            log.info("platform signing key {}", Sm2Keys.fingerprint(key.publicKey()));
            return key;
        }
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            Sm2KeyPair key = Sm2Keys.devKeyPair(DEV_KEY_LABEL);
            log.warn("no tongban.signing.private-key: using the INSECURE dev key \"{}\" ({}), fit for the local"
                    + " profile only", DEV_KEY_LABEL, Sm2Keys.fingerprint(key.publicKey()));
            return key;
        }
        throw new IllegalStateException("tongban.signing.private-key (TONGBAN_SIGNING_PRIVATEKEY) is not set: the"
                + " platform needs its SM2 private key, base64 PKCS#8, to sign audit checkpoints");
    }

    @Bean
    AuditCheckpointer auditCheckpointer(MongoOperations mongo, Sm2KeyPair platformSigningKey, AuditProperties properties,
                                        Clock clock) {
        return new AuditCheckpointer(mongo, platformSigningKey, properties.checkpointEvery(), clock);
    }

    @Bean
    AuditLog auditLog(MongoOperations mongo, AuditCheckpointer checkpointer, AuditProperties properties, Clock clock) {
        return new AuditLog(mongo, checkpointer, clock, properties.appendAttempts());
    }

    @Bean
    AuditVerifier auditVerifier(MongoOperations mongo, Sm2KeyPair platformSigningKey, AuditProperties properties,
                                Clock clock) {
        return new AuditVerifier(mongo, platformSigningKey.verifier(), properties.maxFindings(), clock);
    }

    @Bean
    CheckpointTimer auditCheckpointTimer(AuditCheckpointer checkpointer) {
        return new CheckpointTimer(checkpointer);
    }

    @Bean
    @ConditionalOnBooleanProperty("tongban.audit.verify")
    AuditVerifyCommand auditVerifyCommand(AuditVerifier verifier,
                                          org.springframework.context.ConfigurableApplicationContext context) {
        return new AuditVerifyCommand(verifier, context);
    }

    /**
     * Signs what this replica appended every {@code tongban.audit.checkpoint-interval}, and once more when
     * the platform shuts down, so the unsigned tail stays short.
     */
    static class CheckpointTimer implements org.springframework.beans.factory.DisposableBean {

        private final AuditCheckpointer checkpointer;

        CheckpointTimer(AuditCheckpointer checkpointer) {
            this.checkpointer = checkpointer;
        }

        @Scheduled(fixedDelayString = "${tongban.audit.checkpoint-interval:60s}",
                initialDelayString = "${tongban.audit.checkpoint-interval:60s}")
        void tick() {
            try {
                checkpointer.checkpointLatest();
            } catch (RuntimeException e) {
                log.warn("audit checkpoint failed, trying again at the next tick: {}", e.toString());
            }
        }

        @Override
        public void destroy() {
            tick();
        }
    }
}
