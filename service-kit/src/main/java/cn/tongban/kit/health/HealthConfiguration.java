package cn.tongban.kit.health;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaAdmin;

/** Real checks of the two things every service stands on; both feed the readiness group. */
@AutoConfiguration
public class HealthConfiguration {

    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }
}
