package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Looks into and replays a service's dead letters: each record goes back, unchanged but for the
 * dead-letter headers, to the topic it failed on, once the cause has been fixed. Replay reads with a
 * consumer group of its own ({@code <group>.replay}), so each dead letter is replayed once, and stops at
 * the end the topic had when it started, so a record that fails again waits for the next replay.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final String groupId;

    public DeadLetterReplay(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                            KafkaListenerEndpointRegistry listeners, String groupId) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.listeners = listeners;
        this.groupId = groupId;
    }

    /** A dead letter as an operator sees it. */
    public record DeadLetter(String topic, int partition, long offset, String key, String type, String id,
                             String reason, String detail) {
    }

    /** The input topics of this service's consumers: the ones whose dead letters it owns. */
    public Set<String> inputTopics() {
        Set<String> topics = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(List.of(names));
            }
        }
        return topics;
    }

    /** The dead letters of an input topic not yet replayed, oldest first, at most {@code limit}. */
    public List<DeadLetter> pending(String inputTopic, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        read(inputTopic, false, record -> {
            if (letters.size() < limit) {
                letters.add(describe(record));
            }
        });
        return letters;
    }

    /** Puts every dead letter of an input topic not yet replayed back on that topic; returns how many. */
    public int replay(String inputTopic) {
        int[] count = {0};
        read(inputTopic, true, record -> {
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("tb_dlq_")) {
                    headers.add(header);
                }
            }
            kafka.send(new ProducerRecord<>(inputTopic, null, record.key(), record.value(), headers)).join();
            count[0]++;
        });
        log.info("replayed {} dead letters onto {}", count[0], inputTopic);
        return count[0];
    }

    private void read(String inputTopic, boolean commit, java.util.function.Consumer<ConsumerRecord<String, byte[]>> action) {
        if (!inputTopics().contains(inputTopic)) {
            throw new IllegalArgumentException("this service consumes no topic " + inputTopic);
        }
        String dlq = Topics.deadLetter(inputTopic);
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(groupId + ".replay", null, null,
                toProperties(overrides))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(dlq)) {
                partitions.add(new TopicPartition(dlq, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        action.accept(record);
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
            }
            if (commit && !done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
    }

    private static java.util.Properties toProperties(Map<String, Object> map) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(map);
        return properties;
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, "ce_type"), header(record, "ce_id"), header(record, Envelope.DLQ_REASON),
                header(record, Envelope.DLQ_DETAIL));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
