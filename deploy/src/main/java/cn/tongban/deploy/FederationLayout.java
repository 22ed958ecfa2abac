package cn.tongban.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that fixes where everything of the local federation listens (DESIGN §7): ports, databases,
 * center codes, topics and the properties each service is started with. The launcher reads it, and so does
 * {@code DeploymentFilesAgreeTest}, which holds docker-compose and Kubernetes files to the same facts.
 */
public final class FederationLayout {

    /** Everything of the local federation binds to the loopback interface only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The Kafka broker's client listener. */
    public static final int KAFKA_PORT = 9092;

    /** The Kafka broker's KRaft controller listener (combined mode). */
    public static final int KAFKA_CONTROLLER_PORT = 9093;

    /** The MongoDB-wire-compatible server. */
    public static final int MONGO_PORT = 27017;

    /** The external-department simulator (WireMock). */
    public static final int SIMULATOR_PORT = 8089;

    /** The national platform's HTTP port. */
    public static final int PLATFORM_PORT = 8080;

    /** The national platform's own database. */
    public static final String PLATFORM_DATABASE = "tongban_platform";

    /** Spring profile of the local run: dev token issuer and demo data. */
    public static final String LOCAL_PROFILE = "local";

    /** The three demo centers: Beijing, Shanghai, Guangzhou. */
    public static final List<DemoCenter> CENTERS = List.of(
            new DemoCenter("110000", "Beijing", "北京住房公积金管理中心", 8081),
            new DemoCenter("310000", "Shanghai", "上海市公积金管理中心", 8082),
            new DemoCenter("440100", "Guangzhou", "广州住房公积金管理中心", 8083));

    /** Every center publishes here; the platform reads it (DESIGN §3). */
    public static final String RELAY_INBOUND_TOPIC = "tongban.relay.inbound";

    /** Case lifecycle events for dashboards (DESIGN §3). */
    public static final String PLATFORM_EVENTS_TOPIC = "tongban.platform.events";

    /** Suffix of the dead-letter twin of each consumer's input topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** Partitions of each topic the launcher creates; the record key (case id) keeps a case in order. */
    public static final int TOPIC_PARTITIONS = 3;

    private FederationLayout() {
    }

    /** The Kafka bootstrap address the services use. */
    public static String kafkaBootstrapServers() {
        return LOOPBACK + ":" + KAFKA_PORT;
    }

    /** The base URL of the external-department simulator. */
    public static String simulatorBaseUrl() {
        return "http://" + LOOPBACK + ":" + SIMULATOR_PORT;
    }

    /** The MongoDB connection string of one database on the embedded server. */
    public static String mongoUri(String database) {
        return "mongodb://" + LOOPBACK + ":" + MONGO_PORT + "/" + database;
    }

    /** The national platform service. */
    public static FederationService platform() {
        Map<String, String> properties = commonProperties(PLATFORM_PORT, PLATFORM_DATABASE);
        return new FederationService("platform", "national-platform-service", PLATFORM_PORT, Optional.empty(),
                properties);
    }

    /** The service of one demo center. */
    public static FederationService center(DemoCenter center) {
        Map<String, String> properties = commonProperties(center.port(), center.database());
        properties.put("tongban.center.code", center.code());
        properties.put("tongban.center.name", center.name());
        properties.put("tongban.departments.base-url", simulatorBaseUrl());
        return new FederationService(center.serviceName(), "center-service", center.port(), Optional.of(center),
                properties);
    }

    /** All services, the platform first. */
    public static List<FederationService> services() {
        List<FederationService> services = new ArrayList<>();
        services.add(platform());
        CENTERS.forEach(c -> services.add(center(c)));
        return List.copyOf(services);
    }

    /** Every topic of DESIGN §3 for the demo centers, each input with its {@code .dlq} twin. */
    public static List<String> topics() {
        List<String> inputs = new ArrayList<>();
        inputs.add(RELAY_INBOUND_TOPIC);
        CENTERS.forEach(c -> inputs.add(c.inboundTopic()));
        inputs.add(PLATFORM_EVENTS_TOPIC);
        List<String> topics = new ArrayList<>();
        for (String input : inputs) {
            topics.add(input);
            topics.add(input + DLQ_SUFFIX);
        }
        return List.copyOf(topics);
    }

    /** Every port the launcher needs free before it starts, by the name of what will listen there. */
    public static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", KAFKA_PORT);
        ports.put("kafka-controller", KAFKA_CONTROLLER_PORT);
        ports.put("mongo", MONGO_PORT);
        ports.put("simulator", SIMULATOR_PORT);
        services().forEach(s -> ports.put(s.name(), s.port()));
        return ports;
    }

    private static Map<String, String> commonProperties(int port, String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", LOCAL_PROFILE);
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", mongoUri(database));
        return properties;
    }
}
