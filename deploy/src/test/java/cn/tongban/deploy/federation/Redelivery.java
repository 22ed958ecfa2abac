package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A second delivery of every event, as at-least-once delivery may hand it over: reads every record on the given topics
 * and sends each again, same key, value and headers; and waits until the federation has consumed everything.
 */
final class Redelivery {

    private final String bootstrapServers;

    Redelivery(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends every record now on {@code topics} once more; how many. */
    int redeliverAll(List<String> topics) throws Exception {
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : readAll(topics)) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers())).get();
                sent++;
            }
        }
        return sent;
    }

    /** Every record now on the topics, from the beginning. */
    List<ConsumerRecord<String, byte[]>> readAll(List<String> topics) {
        return TopicRecords.readAll(bootstrapServers, topics);
    }

    /** Waits until no outbox holds a pending event and every consumer group has consumed all of its topics. */
    void awaitQuiet(List<MongoOperations> stores, List<String> groups) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (MongoOperations store : stores) {
                assertThat(store.getCollection("cases").countDocuments(new Document("outbox.status", "PENDING"))).isZero();
            }
            try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        assertThat(entry.getValue().offset()).as(group + " " + entry.getKey())
                                .isEqualTo(ends.get(entry.getKey()).offset());
                    }
                }
            }
        });
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }
}
