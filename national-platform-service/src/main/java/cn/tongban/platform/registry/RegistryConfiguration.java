package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.MessagingProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The registry, seeded from configuration; joining centers get their topics from the platform's Kafka admin. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    CenterRegistry centerRegistry(MongoOperations mongo, KafkaAdmin admin, MessagingProperties messaging,
                                  RegistryProperties properties, Environment environment, Clock clock) {
        CenterRegistry registry = new CenterRegistry(mongo, code -> provision(admin, messaging, code), clock);
        registry.seed(properties, environment);
        return registry;
    }

    private static void provision(KafkaAdmin admin, MessagingProperties messaging, CenterCode code) {
        String inbound = Topics.centerInbound(code);
        admin.createOrModifyTopics(
                TopicBuilder.name(inbound).partitions(messaging.partitions()).replicas(messaging.replicas()).build(),
                TopicBuilder.name(Topics.deadLetter(inbound)).partitions(messaging.partitions()).replicas(messaging.replicas()).build());
    }
}
