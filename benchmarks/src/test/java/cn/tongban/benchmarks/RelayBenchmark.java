package cn.tongban.benchmarks;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.platform.PlatformApplication;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Relay throughput and hop latency with full tracking (signature check, case record, outbox, audit chain),
 * beside a raw Kafka consume-and-produce pipe on the same broker in the same run. Not a test: it prints the
 * figures for docs/benchmarks.md and asserts nothing but completion.
 *
 * <pre>mvn -B -DskipTests install &amp;&amp; mvn -B -Pbench -pl benchmarks verify</pre>
 * Sizes: {@code -Dbench.events=20000 -Dbench.latency.rate=200 -Dbench.latency.seconds=10}.
 */
class RelayBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int LATENCY_RATE = Integer.getInteger("bench.latency.rate", 200);
    static final int LATENCY_SECONDS = Integer.getInteger("bench.latency.seconds", 10);
    static final Sm2KeyPair SHANGHAI = Sm2Keys.devKeyPair("center-310000");

    @Test
    void relayBesideARawPipe() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String brokers = broker.getBrokersAsString();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            admin.createTopics(List.of(new NewTopic("bench.raw.in", 3, (short) 1), new NewTopic("bench.raw.out", 3, (short) 1)))
                    .all().get();
        }
        List<String> report = new ArrayList<>();
        try {
            // the raw pipe first, then the relay, on the same broker in the same JVM
            RawPipe pipe = new RawPipe(brokers);
            report.add("load average at the start: %.1f on %d cores".formatted(
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
            Result raw = throughput(brokers, "bench.raw.in", "bench.raw.out", events(EVENTS, 0));
            Latency rawLatency = latency(brokers, "bench.raw.in", "bench.raw.out", EVENTS);
            pipe.close();

            ConfigurableApplicationContext platform = PlatformApplication.application().profiles("local").run(
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + brokers,
                    "--spring.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort() + "/bench_platform",
                    "--spring.kafka.listener.concurrency=3", "--spring.kafka.listener.ack-mode=batch", "--tongban.messaging.outbox.poll-interval=20ms",
                    "--tongban.messaging.outbox.batch-size=500", "--logging.level.root=warn", "--spring.main.banner-mode=off");
            String centerInbound = Topics.centerInbound(cn.tongban.contracts.CenterCode.of("110000"));
            Result relay = throughput(brokers, Topics.RELAY_INBOUND, centerInbound, events(EVENTS, 0));
            var batches = platform.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("tongban.relay.batch.size").summary();
            String batchSizes = batches == null ? "n/a" : "%d polls, mean %.0f events".formatted(batches.count(), batches.mean());
            Latency relayLatency = latency(brokers, Topics.RELAY_INBOUND, centerInbound, 2 * EVENTS);
            platform.close();

            report.add("events per throughput run: %d; latency runs: %d events/s for %d s".formatted(EVENTS, LATENCY_RATE, LATENCY_SECONDS));
            report.add("raw pipe   : %s; hop latency %s".formatted(raw, rawLatency));
            report.add("relay      : %s; hop latency %s".formatted(relay, relayLatency));
            report.add("relay batches in the throughput run: " + batchSizes);
            report.add("CPU of this JVM (broker, store, producer, consumer and pipe or relay) per event: raw %.2f ms, relay %.2f ms"
                    .formatted(raw.cpuMillisPerEvent(), relay.cpuMillisPerEvent()));
            report.add("load average at the end: %.1f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            report.add("relay / raw throughput: %.1f%%".formatted(100.0 * relay.perSecond() / raw.perSecond()));
        } finally {
            mongo.shutdownNow();
            broker.destroy();
        }
        System.out.println("\n==== RelayBenchmark ====");
        report.forEach(System.out::println);
        System.out.println("========================\n");
    }

    /** Signed requests as Shanghai's outbox would send them, each for a case of its own. */
    static List<ProducerRecord<String, byte[]>> events(int count, int offset) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String caseId = "310000-20261125-%06d".formatted(offset + i);
            String id = java.util.UUID.randomUUID().toString();
            Instant time = Instant.now();
            byte[] data = ("{\"caseId\":\"" + caseId + "\",\"item\":\"02\",\"requestingCenter\":\"310000\",\"homeCenter\":\"110000\","
                    + "\"applicant\":{\"identityNumber\":\"11010519491231002X\",\"name\":\"张三\"},\"lendingCity\":\"上海市\","
                    + "\"clerk\":\"bench\",\"requestedAt\":\"" + time + "\"}").getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("placeholder", caseId, data);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", id);
            header(record, "ce_source", "/centers/310000");
            header(record, "ce_type", "tongban.proxy.certificate-requested.v1");
            header(record, "ce_subject", caseId);
            header(record, "ce_time", CanonicalForm.formatTime(time));
            header(record, "content-type", Envelope.CONTENT_TYPE);
            header(record, "ce_tbdest", "110000");
            CanonicalForm form = CanonicalForm.of(Envelope.SPEC_VERSION, id, "/centers/310000",
                    "tongban.proxy.certificate-requested.v1", caseId, time, Envelope.CONTENT_TYPE, "110000", null, data);
            header(record, "ce_tbsig", SHANGHAI.signer().sign(form.toBytes()));
            records.add(record);
        }
        return records;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> to(String topic, ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
    }

    /** @param cpu CPU time the whole JVM used meanwhile */
    record Result(int events, Duration elapsed, Duration cpu) {
        double perSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }

        double cpuMillisPerEvent() {
            return cpu.toNanos() / 1e6 / events;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d events in %.2f s = %.0f events/s (%.1f s CPU)", events,
                    elapsed.toNanos() / 1e9, perSecond(), cpu.toNanos() / 1e9);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    record Latency(int samples, long p50, long p99, long max) {
        @Override
        public String toString() {
            return "p50 %d ms, p99 %d ms, max %d ms (%d samples)".formatted(p50, p99, max, samples);
        }
    }

    /** All records sent as fast as the producer goes; time from the first send to the last arrival. */
    static Result throughput(String brokers, String in, String out, List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(brokers, out); KafkaProducer<String, byte[]> producer = producer(brokers)) {
            long start = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(to(in, record));
            }
            producer.flush();
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < records.size() && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
            return new Result(seen, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(processCpuNanos() - cpuAtStart));
        }
    }

    /** A steady rate below saturation; each event's time from its send to its arrival on the far side. */
    static Latency latency(String brokers, String in, String out, int caseOffset) throws Exception {
        int count = LATENCY_RATE * LATENCY_SECONDS;
        List<ProducerRecord<String, byte[]>> records = events(count, caseOffset);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer(brokers, out)) {
                while (!done.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        Long sent = sentAt.get(record.key());
                        if (sent != null) {
                            latencies.add((System.nanoTime() - sent) / 1_000_000);
                        }
                    }
                }
            }
        });
        reader.start();
        Thread.sleep(2000);
        try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
            long interval = 1_000_000_000L / LATENCY_RATE;
            long next = System.nanoTime();
            for (ProducerRecord<String, byte[]> record : records) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                sentAt.put(record.key(), System.nanoTime());
                producer.send(to(in, record));
                next += interval;
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (latencies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        done.set(true);
        reader.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Latency(sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static KafkaProducer<String, byte[]> producer(String brokers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties);
    }

    static KafkaConsumer<String, byte[]> consumer(String brokers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + java.util.UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    /** The raw pipe: read a record, write it on, acks=all, commit after each batch — the relay minus its work. */
    static final class RawPipe implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        RawPipe(String brokers) {
            thread = new Thread(() -> {
                Properties properties = new Properties();
                properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
                properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-pipe");
                properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
                properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
                     KafkaProducer<String, byte[]> producer = producer(brokers)) {
                    consumer.subscribe(List.of("bench.raw.in"));
                    while (running.get()) {
                        var batch = consumer.poll(Duration.ofMillis(20));
                        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                        for (ConsumerRecord<String, byte[]> record : batch) {
                            acks.add(producer.send(new ProducerRecord<>("bench.raw.out", null, record.key(), record.value(), record.headers())));
                        }
                        for (var ack : acks) {
                            ack.get();
                        }
                        if (!batch.isEmpty()) {
                            consumer.commitSync();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-pipe");
            thread.start();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
