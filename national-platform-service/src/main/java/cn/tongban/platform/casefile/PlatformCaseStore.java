package cn.tongban.platform.casefile;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.casefile.CaseState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads the platform's cases; writes go through the outbox writer. */
@Repository
public class PlatformCaseStore {

    public static final String COLLECTION = "cases";

    private final MongoOperations mongo;

    PlatformCaseStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("state_due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("warnAt", Sort.Direction.ASC).named("state_warn"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("submittedAt", Sort.Direction.DESC).named("submitted"));
    }

    public Optional<PlatformCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PlatformCase.class, COLLECTION));
    }

    /**
     * The cases of these ids that exist, read in one query by {@code _id} (the relay reads a whole batch's cases
     * at once); without their outboxes, which are not part of the case.
     */
    public Map<String, PlatformCase> findAll(Collection<String> ids) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().exclude("outbox");
        Map<String, PlatformCase> found = new HashMap<>();
        mongo.find(byIds, PlatformCase.class, COLLECTION).forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** Newest first, optionally of one state and one center (either side). */
    public List<PlatformCase> list(CaseState state, CenterCode center, int page, int size) {
        Query query = new Query();
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state.name()));
        }
        if (center != null) {
            query.addCriteria(new Criteria().orOperator(Criteria.where("requestingCenter").is(center.value()),
                    Criteria.where("handlingCenter").is(center.value())));
        }
        query.with(Sort.by(Sort.Direction.DESC, "submittedAt")).skip((long) page * size).limit(size);
        return mongo.find(query, PlatformCase.class, COLLECTION);
    }
}
