package cn.tongban.kit.messaging;

import cn.tongban.kit.crypto.Sm2KeyPair;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/** The reliable-messaging core, the same in every service. */
@AutoConfiguration(after = cn.tongban.kit.crypto.SigningConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper jsonMapper) {
        return new EventCodec(jsonMapper);
    }

    @Bean
    EventSignatures eventSignatures(Sm2KeyPair signingKey) {
        return new EventSignatures(signingKey.signer());
    }

    @Bean
    OutboxPublisher outboxPublisher(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka,
                                    EventSignatures signatures, MessagingProperties properties, Clock clock,
                                    MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, signatures, properties.outbox(), clock, meters);
    }

    @Bean
    OutboxWriter outboxWriter(MongoOperations mongo, OutboxPublisher publisher) {
        return new OutboxWriter(mongo, publisher);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                                      KafkaListenerEndpointRegistry listeners, Environment environment) {
        return new DeadLetterReplay(consumers, kafka, listeners,
                environment.getProperty("spring.kafka.consumer.group-id", "tongban"));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay replay) {
        return new DeadLetterController(replay);
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka, MessagingProperties properties,
                                                 MeterRegistry meters) {
        return DeadLetters.errorHandler(kafka, properties.retry(), meters);
    }
}
