package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An embedded MongoDB-wire server, the platform's dev key, and the audit log, checkpointer and verifier
 * over it as the platform wires them, without a Spring context. Each {@link #replica()} is another client
 * of the same database, as a second platform replica would be.
 */
final class AuditFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final String DATABASE = "audit_test";

    final MongoServer server;
    final String uri;
    final List<MongoClient> clients = new ArrayList<>();
    final MongoTemplate mongo;
    final Sm2KeyPair platformKey = Sm2Keys.devKeyPair("platform");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final int checkpointEvery;
    final AuditCheckpointer checkpointer;
    final AuditLog log;
    final AuditVerifier verifier;

    AuditFixture(int checkpointEvery) {
        this.server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        this.uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        this.checkpointEvery = checkpointEvery;
        this.mongo = template();
        this.checkpointer = new AuditCheckpointer(mongo, platformKey, checkpointEvery, clock);
        this.log = new AuditLog(mongo, checkpointer, clock, 50);
        this.verifier = new AuditVerifier(mongo, platformKey.verifier(), 100, clock);
    }

    /** Another platform replica: its own client, checkpointer and log, the same database and key. */
    AuditLog replica() {
        MongoTemplate other = template();
        return new AuditLog(other, new AuditCheckpointer(other, platformKey, checkpointEvery, clock), clock, 1000);
    }

    private MongoTemplate template() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, DATABASE);
    }

    /** The n-th relayed event of a test: Beijing asks Shanghai for a certificate. */
    static CanonicalForm event(int n) {
        String caseId = "110000-20261125-%06d".formatted(n);
        return CanonicalForm.of("1.0", "event-" + n, "/centers/110000", "tongban.proxy.certificate-requested.v1",
                caseId, NOW.plusMillis(n), "application/json", "310000", null,
                ("{\"caseId\":\"" + caseId + "\",\"name\":\"张三\"}").getBytes(StandardCharsets.UTF_8));
    }

    List<AuditRecord> append(int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            records.add(log.append(event(n)));
        }
        return records;
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
