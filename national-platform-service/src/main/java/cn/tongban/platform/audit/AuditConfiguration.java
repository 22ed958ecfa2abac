package cn.tongban.platform.audit;

import cn.tongban.kit.crypto.Sm2KeyPair;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The audit log's wiring: the log, its checkpoints (signed with the platform's key) and its verifier. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditCheckpointer auditCheckpointer(MongoOperations mongo, Sm2KeyPair signingKey, AuditProperties properties,
                                        Clock clock) {
        return new AuditCheckpointer(mongo, signingKey, properties.checkpointEvery(), clock);
    }

    @Bean
    AuditLog auditLog(MongoOperations mongo, AuditCheckpointer checkpointer, AuditProperties properties, Clock clock) {
        return new AuditLog(mongo, checkpointer, clock, properties.appendAttempts());
    }

    @Bean
    AuditVerifier auditVerifier(MongoOperations mongo, Sm2KeyPair signingKey, AuditProperties properties,
                                Clock clock) {
        return new AuditVerifier(mongo, signingKey.verifier(), properties.maxFindings(), clock);
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
