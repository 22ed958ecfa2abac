package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.crypto.Sm2Signer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Signs checkpoints of the audit log in batches, not per event: at every record whose sequence number is a
 * multiple of {@code checkpointEvery}, and, when asked by the timer or at shutdown, at the latest record this
 * replica appended if nothing at or after it is signed yet. It signs only hashes this process computed
 * itself. A checkpoint's {@code _id} is its sequence number, so two replicas signing the same record store
 * one checkpoint.
 */
public class AuditCheckpointer {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointer.class);

    static final String COLLECTION = "audit_checkpoints";

    private final MongoOperations mongo;
    private final Sm2Signer signer;
    private final String keyFingerprint;
    private final int every;
    private final Clock clock;
    private final AtomicReference<AuditRecord> latestAppended = new AtomicReference<>();
    private final AtomicLong latestSigned = new AtomicLong();

    public AuditCheckpointer(MongoOperations mongo, Sm2KeyPair platformKey, int every, Clock clock) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1");
        }
        this.mongo = mongo;
        this.signer = platformKey.signer();
        this.keyFingerprint = Sm2Keys.fingerprint(platformKey.publicKey());
        this.every = every;
        this.clock = clock;
    }

    /**
     * Told of every record this replica appended: remembers the latest, and signs it at once if its
     * sequence number is a multiple of {@code every}. A failure to store the checkpoint is logged, not thrown
     * (the record is already in the log; the timer will sign a later one).
     */
    void appended(AuditRecord record) {
        latestAppended.accumulateAndGet(record, (old, now) -> old == null || now.seq() > old.seq() ? now : old);
        if (record.seq() % every == 0) {
            try {
                checkpoint(record);
            } catch (RuntimeException e) {
                log.warn("audit checkpoint at seq {} not stored, a later one will cover it: {}", record.seq(), e.toString());
            }
        }
    }

    /**
     * Signs the latest record this replica appended, unless it signed that one or a later one already.
     *
     * @return the checkpoint stored, or empty when there was nothing new to sign
     */
    public Optional<AuditCheckpoint> checkpointLatest() {
        AuditRecord latest = latestAppended.get();
        if (latest == null || latest.seq() <= latestSigned.get()) {
            return Optional.empty();
        }
        return Optional.of(checkpoint(latest));
    }

    /**
     * Signs the record's hash and stores the checkpoint; if one at that sequence number exists already
     * (another replica's), that one stays and is returned.
     */
    AuditCheckpoint checkpoint(AuditRecord record) {
        String time = CanonicalForm.formatTime(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String signature = signer.sign(AuditCheckpoint.signedBytes(record.seq(), record.hash(), time));
        AuditCheckpoint checkpoint = new AuditCheckpoint(record.seq(), record.hash(), time, signature, keyFingerprint);
        try {
            mongo.insert(toDocument(checkpoint), COLLECTION);
            log.debug("audit checkpoint at seq {} signed", record.seq());
        } catch (DuplicateKeyException e) {
            checkpoint = fromDocument(mongo.findById(record.seq(), Document.class, COLLECTION));
        }
        latestSigned.accumulateAndGet(record.seq(), Math::max);
        return checkpoint;
    }

    static Document toDocument(AuditCheckpoint checkpoint) {
        return new Document("_id", checkpoint.seq())
                .append("seq", checkpoint.seq())
                .append("hash", checkpoint.hash())
                .append("time", checkpoint.time())
                .append("signature", checkpoint.signature())
                .append("key", checkpoint.key());
    }

    static AuditCheckpoint fromDocument(Document document) {
        if (document == null) {
            return null;
        }
        return new AuditCheckpoint(((Number) document.get("_id")).longValue(), text(document, "hash"),
                text(document, "time"), text(document, "signature"), text(document, "key"));
    }

    private static String text(Document document, String field) {
        Object value = document.get(field);
        return value == null ? "" : value.toString();
    }
}
