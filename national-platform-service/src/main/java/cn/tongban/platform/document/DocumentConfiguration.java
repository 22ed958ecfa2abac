package cn.tongban.platform.document;

import cn.tongban.kit.document.ContentStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The retention purge, every {@code tongban.platform.documents.purge-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

    @Bean
    DocumentRetention documentRetention(DocumentRecords records, ContentStore store, Clock clock,
                                        DocumentProperties properties) {
        return new DocumentRetention(records, store, clock, properties.purgeBatch());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "tongban.platform.documents.watch", matchIfMissing = true)
    Purge documentPurge(DocumentRetention retention) {
        return new Purge(retention);
    }

    static class Purge {

        private final DocumentRetention retention;

        Purge(DocumentRetention retention) {
            this.retention = retention;
        }

        @Scheduled(fixedDelayString = "${tongban.platform.documents.purge-interval:1h}",
                initialDelayString = "${tongban.platform.documents.purge-interval:1h}")
        void purge() {
            try {
                retention.purgeOnce();
            } catch (RuntimeException e) {
                log.warn("document purge failed, trying again at the next run: {}", e.toString());
            }
        }
    }
}
