package cn.tongban.deploy.federation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The platform and centers of a {@link Federation} on one real Kafka broker and one MongoDB-wire server, with the
 * external departments served by the shipped simulator mappings (deploy/simulator) on a WireMock of their own: for
 * the flows that ask a registry, social security or the bank.
 */
final class SimulatedFederation implements AutoCloseable {

    final EmbeddedKafkaKraftBroker broker;
    final MongoServer mongo;
    final WireMockServer departments;
    final Federation federation;

    private SimulatedFederation(EmbeddedKafkaKraftBroker broker, MongoServer mongo, WireMockServer departments,
                                Federation federation) {
        this.broker = broker;
        this.mongo = mongo;
        this.departments = departments;
        this.federation = federation;
    }

    /**
     * @param platformExtra more platform properties
     * @param centers the centers to start, each with its extra properties
     */
    static SimulatedFederation start(String databasePrefix, Map<String, Object> platformExtra,
                                     Map<String, Map<String, Object>> centers) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        WireMockServer departments = new WireMockServer(wireMockConfig().dynamicPort()
                .usingFilesUnderDirectory(simulator().toString()));
        departments.start();
        Federation federation = new Federation(broker.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort(),
                databasePrefix);
        SimulatedFederation started = new SimulatedFederation(broker, mongo, departments, federation);
        try {
            federation.startPlatform(platformExtra);
            centers.forEach((code, extra) -> {
                Map<String, Object> properties = new HashMap<>(extra);
                properties.put("tongban.departments.base-url", departments.baseUrl());
                federation.startCenter(code, properties);
            });
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static Path simulator() {
        for (Path candidate : new Path[] {Path.of("simulator"), Path.of("deploy/simulator")}) {
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("deploy/simulator not found from " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        federation.close();
        departments.stop();
        mongo.shutdownNow();
        broker.destroy();
    }
}
