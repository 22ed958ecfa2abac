package cn.tongban.kit.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The store is up when it answers {@code {ping: 1}}: works on a replica set and on the embedded
 * wire-compatible server alike (Boot's own indicator sends {@code hello}, which the latter lacks).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    public MongoPingHealthIndicator(MongoOperations mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getCollectionNames().isEmpty() ? "empty" : "ready")
                .withDetail("ok", answer.get("ok"));
    }
}
