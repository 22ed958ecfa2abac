package cn.tongban.center;

import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.crypto.SigningConfiguration;
import java.security.PublicKey;
import java.time.Clock;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Wiring that depends on which center this is. */
@Configuration(proxyBeanMethods = false)
class CenterConfiguration {

    @Bean
    OutgoingEvents outgoingEvents(EventCodec codec, CenterProperties center, Clock clock) {
        return new OutgoingEvents(codec, Envelope.centerSource(center.code()), clock);
    }

    /** The key everything forwarded to this center must be signed with. */
    @Bean
    PlatformKey platformKey(CenterProperties center, Environment environment) {
        PublicKey key = SigningConfiguration.peerKey(center.platformPublicKey(), "platform", environment);
        if (key == null) {
            throw new IllegalStateException("tongban.center.platform-public-key is not set: what the platform"
                    + " forwards could not be verified");
        }
        return new PlatformKey(key);
    }

    /** This center's inbound topic and its dead-letter twin, and the relay topic it writes to. */
    @Bean
    KafkaAdmin.NewTopics centerTopics(CenterProperties center, MessagingProperties messaging) {
        String inbound = Topics.centerInbound(center.code());
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(inbound).partitions(messaging.partitions()).replicas(messaging.replicas()).build(),
                TopicBuilder.name(Topics.deadLetter(inbound)).partitions(messaging.partitions()).replicas(messaging.replicas()).build(),
                TopicBuilder.name(Topics.RELAY_INBOUND).partitions(messaging.partitions()).replicas(messaging.replicas()).build());
    }
}
