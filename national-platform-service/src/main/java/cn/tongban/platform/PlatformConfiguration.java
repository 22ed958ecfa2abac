package cn.tongban.platform;

import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MessagingProperties;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.platform.registry.CenterRegistry;
import cn.tongban.platform.registry.RegisteredCenter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Platform wiring: its envelope source and the topics it owns. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    OutgoingEvents outgoingEvents(EventCodec codec, Clock clock) {
        return new OutgoingEvents(codec, Envelope.PLATFORM_SOURCE, clock);
    }

    /** The relay topic, the lifecycle topic, and every registered center's inbound topic, each with its DLQ. */
    @Bean
    KafkaAdmin.NewTopics platformTopics(CenterRegistry registry, MessagingProperties messaging) {
        List<String> names = new ArrayList<>(List.of(Topics.RELAY_INBOUND, Topics.PLATFORM_EVENTS));
        for (RegisteredCenter center : registry.all()) {
            names.add(center.inboundTopic());
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(TopicBuilder.name(name).partitions(messaging.partitions()).replicas(messaging.replicas()).build());
            if (!name.equals(Topics.PLATFORM_EVENTS)) {
                topics.add(TopicBuilder.name(Topics.deadLetter(name)).partitions(messaging.partitions())
                        .replicas(messaging.replicas()).build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
