package cn.tongban.platform.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code documents} collection: one record per document, written by {@code _id} only. */
@Repository
public class DocumentRecords {

    public static final String COLLECTION = "documents";

    private final MongoOperations mongo;

    DocumentRecords(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("retainUntil", Sort.Direction.ASC).named("retain_until"));
    }

    /** A new, pending record; its id must be new. */
    void insertPending(StoredDocument document) {
        mongo.insert(document, COLLECTION);
    }

    /**
     * Marks a pending record stored, with its real retention; false if it is no longer pending (the purge took it
     * as abandoned), and then the upload must be undone.
     */
    boolean markStored(String id, Instant retainUntil) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(StoredDocument.State.PENDING.name())),
                new Update().set("state", StoredDocument.State.STORED.name()).set("retainUntil", retainUntil),
                COLLECTION).getModifiedCount() == 1;
    }

    public Optional<StoredDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredDocument.class, COLLECTION));
    }

    void remove(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Records whose time is up (stored past retention, or pending and abandoned), oldest first. */
    List<StoredDocument> dueForRemoval(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("retainUntil").lt(now))
                .with(Sort.by(Sort.Direction.ASC, "retainUntil")).limit(limit), StoredDocument.class, COLLECTION);
    }
}
