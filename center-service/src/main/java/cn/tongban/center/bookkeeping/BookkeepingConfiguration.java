package cn.tongban.center.bookkeeping;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The bookkeeping run on schedule, and its lease (ShedLock on the center's own database, collection {@code leases}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BookkeepingProperties.class)
class BookkeepingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BookkeepingConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    LockProvider leaseProvider(MongoDatabaseFactory mongo) {
        return new MongoLockProvider(mongo.getMongoDatabase().getCollection("leases"));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "tongban.ledger.scheduled", matchIfMissing = true)
    Nightly bookkeepingNightly(Bookkeeping bookkeeping) {
        return new Nightly(bookkeeping);
    }

    /** Runs at {@code tongban.ledger.cron}, China time. */
    static class Nightly {

        private final Bookkeeping bookkeeping;

        Nightly(Bookkeeping bookkeeping) {
            this.bookkeeping = bookkeeping;
        }

        @Scheduled(cron = "${tongban.ledger.cron:0 30 1 * * *}", zone = "Asia/Shanghai")
        void run() {
            try {
                bookkeeping.runIfFree();
            } catch (RuntimeException e) {
                log.error("bookkeeping run failed; it runs again at the next schedule", e);
            }
        }
    }
}
