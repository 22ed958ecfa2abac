package cn.tongban.platform.deadline;

import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The deadline watch and its lease (ShedLock on the platform's own database, collection {@code leases}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    LockProvider leaseProvider(MongoDatabaseFactory mongo) {
        return new MongoLockProvider(mongo.getMongoDatabase().getCollection("leases"));
    }

    @Bean
    DeadlineWatch deadlineWatch(MongoOperations mongo, OutboxWriter writer, OutgoingEvents events, LockProvider leases,
                                Clock clock, MeterRegistry meters, DeadlineProperties properties) {
        return new DeadlineWatch(mongo, writer, events, leases, clock, meters, properties.batchSize(),
                properties.leaseFor());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "tongban.platform.deadlines.watch", matchIfMissing = true)
    Scanner deadlineScanner(DeadlineWatch watch) {
        return new Scanner(watch);
    }

    /** Scans every {@code tongban.platform.deadlines.scan-interval}. */
    static class Scanner {

        private final DeadlineWatch watch;

        Scanner(DeadlineWatch watch) {
            this.watch = watch;
        }

        @Scheduled(fixedDelayString = "${tongban.platform.deadlines.scan-interval:5s}")
        void scan() {
            try {
                watch.scanOnce();
            } catch (RuntimeException e) {
                log.warn("deadline scan failed, trying again at the next one: {}", e.toString());
            }
        }
    }
}
