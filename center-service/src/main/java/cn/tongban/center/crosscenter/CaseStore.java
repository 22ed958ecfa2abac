package cn.tongban.center.crosscenter;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.casefile.CaseState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Reads cases and numbers new ones; writes go through the outbox writer. */
@Repository
public class CaseStore {

    public static final String COLLECTION = "cases";
    private static final String SEQUENCES = "case_sequences";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoOperations mongo;
    private final Clock clock;

    CaseStore(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("applicant.identityNumber", Sort.Direction.ASC).named("applicant"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("openedAt", Sort.Direction.DESC).named("opened"));
    }

    public Optional<CenterCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CenterCase.class, COLLECTION));
    }

    /** Newest first; optionally only one state or one applicant. */
    public List<CenterCase> list(CaseState state, String identityNumber, int page, int size) {
        Query query = new Query();
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state.name()));
        }
        if (identityNumber != null) {
            query.addCriteria(Criteria.where("applicant.identityNumber").is(identityNumber));
        }
        query.with(Sort.by(Sort.Direction.DESC, "openedAt")).skip((long) page * size).limit(size);
        return mongo.find(query, CenterCase.class, COLLECTION);
    }

    /** The next case id of this center for today (China time), from an atomic per-day counter. */
    public CaseId nextId(CenterCode center) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(today.toString())),
                new Update().inc("next", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        return CaseId.of(center, today, ((Number) counter.get("next")).longValue());
    }
}
