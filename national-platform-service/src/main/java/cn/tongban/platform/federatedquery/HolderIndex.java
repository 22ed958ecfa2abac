package cn.tongban.platform.federatedquery;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.contracts.federatedquery.IndexEntry;
import com.mongodb.bulk.BulkWriteResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The platform's holder index (账户持有人索引): per keyed identity hash, the centers that hold an open account of
 * that person. One document per hash, {@code _id} = the hash, with {@code holdings.c<code>} = the newest line
 * each center published about the person, packed as {@code asOf (epoch ms) × 2 + (holds ? 1 : 0)}.
 *
 * <p>A line is applied with {@code $max} on that field in a single-document upsert by {@code _id} alone: the newer
 * line wins whatever order lines arrive in (several partitions, a replayed dead letter), the same line twice
 * changes nothing, and no read precedes the write — so it is one unordered bulk write per published event, by
 * {@code _id} only (the embedded server and real MongoDB both use the {@code _id} index). Of two lines with the
 * same millisecond, "holds" wins. Holds no identity number: the platform does not have the federation key, so it
 * cannot compute a hash from a number either.
 */
@Repository
public class HolderIndex {

    static final String COLLECTION = "federated_index";
    private static final String HOLDINGS = "holdings";

    private final MongoOperations mongo;

    HolderIndex(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies a center's published lines in one unordered bulk write; returns how many changed the index. */
    public int apply(CenterCode center, Collection<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        String field = HOLDINGS + "." + fieldOf(center);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (IndexEntry entry : entries) {
            bulk.upsert(Query.query(Criteria.where("_id").is(entry.person().value())),
                    new Update().max(field, packed(entry)));
        }
        BulkWriteResult result = bulk.execute();
        return result.getModifiedCount() + result.getUpserts().size();
    }

    /** The centers that hold an open account of the person, by their newest lines; empty for an unknown hash. */
    public List<CenterCode> holders(IdentityHash person) {
        Document document = mongo.findById(person.value(), Document.class, COLLECTION);
        Document holdings = document == null ? null : document.get(HOLDINGS, Document.class);
        if (holdings == null) {
            return List.of();
        }
        return holdings.entrySet().stream()
                .filter(line -> line.getValue() instanceof Number state && state.longValue() % 2 == 1)
                .map(Map.Entry::getKey)
                .map(key -> CenterCode.of(key.substring(1)))
                .sorted(java.util.Comparator.comparing(CenterCode::value))
                .toList();
    }

    /** The newer line is the larger number; at the same instant, holding beats not holding. */
    static long packed(IndexEntry entry) {
        return Math.multiplyExact(entry.asOf().toEpochMilli(), 2L) + (entry.holds() ? 1 : 0);
    }

    /** A document field per center; prefixed so that a numeric code is never read as an array position. */
    private static String fieldOf(CenterCode center) {
        return "c" + center.value();
    }
}
