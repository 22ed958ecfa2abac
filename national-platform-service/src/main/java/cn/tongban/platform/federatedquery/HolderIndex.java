package cn.tongban.platform.federatedquery;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.contracts.federatedquery.IndexEntry;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The platform's holder index (账户持有人索引): per keyed identity hash, the centers that hold an open account of
 * that person. One document per hash, {@code _id} = the hash, {@code centers} = the set of center codes, and
 * {@code asOf.c<code>} = the time of the newest line each center published about the person. Every line is one
 * single-document upsert by {@code _id} that applies only if it is not older than what is stored, so lines that
 * arrive twice or out of order (several partitions, a replayed dead letter) change nothing. A line older than the
 * stored one makes the upsert try to insert a second document with the same {@code _id}, which the unique
 * {@code _id} refuses: that refusal is how a stale line is skipped. Holds no identity number: the platform does not
 * have the federation key, so it cannot compute a hash from a number either.
 */
@Repository
public class HolderIndex {

    static final String COLLECTION = "federated_index";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;

    HolderIndex(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies a center's published lines in one unordered bulk write; returns how many were not stale. */
    public int apply(CenterCode center, Collection<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        String asOfField = asOfField(center);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (IndexEntry entry : entries) {
            Date asOf = Date.from(entry.asOf());
            Query notNewer = Query.query(Criteria.where("_id").is(entry.person().value()).and(asOfField).not().gt(asOf));
            Update update = entry.holds()
                    ? new Update().addToSet("centers", center.value())
                    : new Update().pull("centers", center.value());
            bulk.upsert(notNewer, update.set(asOfField, asOf));
        }
        try {
            bulk.execute();
            return entries.size();
        } catch (BulkOperationException e) {
            boolean onlyStale = e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyStale) {
                throw e;
            }
            return entries.size() - e.getErrors().size();
        }
    }

    /** The centers that hold an open account of the person, by their published lines; empty for an unknown hash. */
    public List<CenterCode> holders(IdentityHash person) {
        Document document = mongo.findById(person.value(), Document.class, COLLECTION);
        if (document == null) {
            return List.of();
        }
        List<?> centers = document.get("centers", List.class);
        return centers == null ? List.of() : centers.stream().map(code -> CenterCode.of(code.toString())).sorted(
                java.util.Comparator.comparing(CenterCode::value)).toList();
    }

    /** A document field per center; prefixed so that a numeric code is never read as an array position. */
    private static String asOfField(CenterCode center) {
        return "asOf.c" + center.value();
    }
}
