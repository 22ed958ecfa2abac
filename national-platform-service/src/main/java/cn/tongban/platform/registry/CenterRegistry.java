package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.SigningConfiguration;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.web.ApiProblem;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Who may send through the platform and who may be addressed (中心名录), kept in the platform's database
 * ({@value #COLLECTION}, one document per center, {@code _id} = center code) and read from memory on the relay's
 * hot path. Seeded from {@code tongban.platform.centers} at start-up without overwriting what operators changed
 * since; a center that joins gets its inbound topics provisioned; a center can be suspended and resumed.
 * Replicas see each other's changes within {@code tongban.platform.registry-refresh}.
 */
public class CenterRegistry {

    private static final Logger log = LoggerFactory.getLogger(CenterRegistry.class);
    static final String COLLECTION = "registry_centers";

    private final MongoOperations mongo;
    private final Consumer<CenterCode> topics;
    private final Clock clock;
    private final Map<CenterCode, RegisteredCenter> cache = new ConcurrentHashMap<>();

    /** @param topics provisions a center's inbound topic and its dead-letter twin */
    public CenterRegistry(MongoOperations mongo, Consumer<CenterCode> topics, Clock clock) {
        this.mongo = mongo;
        this.topics = topics;
        this.clock = clock;
    }

    /** Adds the configured centers that are not registered yet; keeps the ones that are as they are. */
    public void seed(RegistryProperties properties, Environment environment) {
        for (RegistryProperties.Center center : properties.centers()) {
            PublicKey key = SigningConfiguration.peerKey(center.publicKey(), "center-" + center.code(), environment);
            if (key == null) {
                throw new IllegalStateException("center " + center.code() + " has no public-key in tongban.platform.centers:"
                        + " its events could not be verified");
            }
            try {
                mongo.insert(document(center.code(), center.name(), center.province(), center.active(), key), COLLECTION);
            } catch (DuplicateKeyException alreadyThere) {
                // registered before: operators' changes (suspension, key) stand
            }
        }
        reload();
    }

    /** A center joins the federation: registered and its topics provisioned. */
    public RegisteredCenter register(CenterCode code, String name, String province, String publicKey) {
        PublicKey key;
        try {
            key = Sm2Keys.decodePublicKey(publicKey);
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("publicKey", "not an SM2 public key (base64 X.509): " + e.getMessage());
        }
        try {
            mongo.insert(document(code, name, province, true, key), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("ALREADY_REGISTERED", "center " + code + " is registered already");
        }
        topics.accept(code);
        log.info("center {} {} registered; topics provisioned", code, name);
        return reload(code);
    }

    /** A suspended center's events are refused and nothing is forwarded to it, until it is resumed. */
    public RegisteredCenter suspend(CenterCode code, String reason) {
        return setActive(code, false, reason);
    }

    public RegisteredCenter resume(CenterCode code) {
        return setActive(code, true, null);
    }

    private RegisteredCenter setActive(CenterCode code, boolean active, String reason) {
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(code.value())),
                new Update().set("active", active).set("suspensionReason", reason).set("changedAt", clock.instant()),
                COLLECTION).getMatchedCount();
        if (changed == 0) {
            throw ApiProblem.notFound("NO_SUCH_CENTER", "no center " + code + " is registered");
        }
        log.warn("center {} is now {}{}", code, active ? "active" : "suspended", reason == null ? "" : ": " + reason);
        return reload(code);
    }

    public Optional<RegisteredCenter> find(CenterCode code) {
        return Optional.ofNullable(cache.get(code));
    }

    /** A registered center that is not suspended. */
    public Optional<RegisteredCenter> active(CenterCode code) {
        return find(code).filter(RegisteredCenter::active);
    }

    public Collection<RegisteredCenter> all() {
        return cache.values().stream().sorted(Comparator.comparing(c -> c.code().value())).toList();
    }

    /** Reads the whole registry again (a few hundred documents), so changes by other replicas arrive. */
    @Scheduled(fixedDelayString = "${tongban.platform.registry-refresh:10s}", initialDelayString = "${tongban.platform.registry-refresh:10s}")
    public void reload() {
        List<Document> documents = mongo.findAll(Document.class, COLLECTION);
        Map<CenterCode, RegisteredCenter> fresh = new ConcurrentHashMap<>();
        for (Document document : documents) {
            RegisteredCenter center = center(document);
            fresh.put(center.code(), center);
        }
        cache.keySet().retainAll(fresh.keySet());
        cache.putAll(fresh);
    }

    private RegisteredCenter reload(CenterCode code) {
        Document document = mongo.findById(code.value(), Document.class, COLLECTION);
        RegisteredCenter center = center(document);
        cache.put(code, center);
        return center;
    }

    private Document document(CenterCode code, String name, String province, boolean active, PublicKey key) {
        return new Document("_id", code.value()).append("name", name).append("province", province)
                .append("active", active).append("publicKey", Sm2Keys.encodePublicKey(key))
                .append("inboundTopic", Topics.centerInbound(code)).append("registeredAt", java.util.Date.from(clock.instant()));
    }

    private static RegisteredCenter center(Document document) {
        return new RegisteredCenter(CenterCode.of(document.getString("_id")), document.getString("name"),
                document.getString("province"), document.getBoolean("active", true),
                Sm2Keys.decodePublicKey(document.getString("publicKey")));
    }
}
