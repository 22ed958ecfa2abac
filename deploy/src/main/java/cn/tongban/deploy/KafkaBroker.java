package cn.tongban.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, one node) run as a child process from
 * the Maven artifacts on the launcher's own classpath: {@code kafka.tools.StorageTool format} once, then
 * {@code kafka.Kafka server.properties}. Its storage and cluster id live in the data directory, so topics
 * and committed offsets survive a restart.
 */
final class KafkaBroker {

    /** The broker's process and log name. */
    static final String NAME = "kafka";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    /**
     * Formats the storage if this is the first start, then starts the broker process. Returns at once;
     * {@link #awaitReady} waits for it to answer.
     *
     * @param data      the launcher's data directory
     * @param javaBin   the {@code java} executable to run the broker with
     * @param classpath a classpath holding {@code kafka_2.13} and its runtime dependencies
     */
    static KafkaBroker start(DataDirectory data, Path javaBin, String classpath)
            throws IOException, InterruptedException {
        Path dir = data.kafkaDir();
        Path logDir = dir.resolve("data");
        Path serverProperties = dir.resolve("server.properties");
        writeServerProperties(serverProperties, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(data, javaBin, classpath, clusterId(dir), serverProperties);
        }
        List<String> command = new ArrayList<>(jvm(javaBin, classpath, "-Xms128m", "-Xmx512m"));
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());
        return new KafkaBroker(ChildProcess.start(NAME, command, dir, data));
    }

    /** The broker's process. */
    ChildProcess process() {
        return process;
    }

    /**
     * Waits until the broker answers a describe-cluster request.
     *
     * @throws StartupFailure if the process ends or does not answer within {@code timeout}
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupFailure(process, "the Kafka broker exited with code " + process.exitValue());
            }
            if (acceptsConnections() && answersDescribeCluster()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new StartupFailure(process, "the Kafka broker did not answer within " + timeout.toSeconds() + " s");
    }

    /**
     * Creates the topics that do not exist yet (replication factor 1: one broker). Auto-creation stays on
     * for anything else, but the DESIGN topics exist before the first consumer subscribes.
     */
    void createTopics(List<String> topics, int partitions) throws InterruptedException {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            for (var result : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Creating topic " + result.getKey() + " timed out", e);
                }
            }
        }
    }

    /** Stops the broker (a controlled shutdown on SIGTERM). */
    String stop() {
        return process.stop(STOP_GRACE);
    }

    private static void format(DataDirectory data, Path javaBin, String classpath, String clusterId,
                               Path serverProperties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvm(javaBin, classpath, "-Xmx256m"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                serverProperties.toString()));
        String name = NAME + "-format";
        int exit = ChildProcess.run(name, command, data.kafkaDir(), data, FORMAT_TIMEOUT);
        if (exit != 0) {
            throw new IOException("Formatting the Kafka storage failed (exit " + exit + "):" + System.lineSeparator()
                    + ChildProcess.tail(data.logFile(name), 30));
        }
    }

    /** The cluster id, made once and kept: the formatted storage is bound to it. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + System.lineSeparator(), StandardCharsets.US_ASCII);
        return id;
    }

    private static void writeServerProperties(Path file, Path logDir) throws IOException {
        Properties p = new Properties();
        String host = FederationLayout.LOOPBACK;
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + FederationLayout.KAFKA_CONTROLLER_PORT);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + FederationLayout.KAFKA_PORT
                + ",CONTROLLER://" + host + ":" + FederationLayout.KAFKA_CONTROLLER_PORT);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + FederationLayout.KAFKA_PORT);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("log.dirs", logDir.toString());
        // One broker: every internal topic with one replica, or it would never become available.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("num.partitions", Integer.toString(FederationLayout.TOPIC_PARTITIONS));
        p.setProperty("auto.create.topics.enable", "true");
        // Consumers join at once instead of waiting three seconds for more members that never come.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Written by the Tongban local federation launcher at every start; edits are overwritten");
        }
    }

    private static List<String> jvm(Path javaBin, String classpath, String... memory) {
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(List.of(memory));
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=broker-logback.xml", "-cp", classpath));
        return command;
    }

    private static boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FederationLayout.LOOPBACK, FederationLayout.KAFKA_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answersDescribeCluster() throws InterruptedException {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, FederationLayout.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.CLIENT_ID_CONFIG, "tongban-launcher"));
    }
}
