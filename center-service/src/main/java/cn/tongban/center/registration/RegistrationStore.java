package cn.tongban.center.registration;

import cn.tongban.center.account.AccountStore;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Registration cases in {@value #CASES}, the unit-account number counter in {@value #COUNTERS}, and the employers
 * registration opens, inserted into {@value AccountStore#EMPLOYERS} under its unique indexes (account number, credit
 * code), which {@link AccountStore} creates.
 */
@Repository
class RegistrationStore {

    static final String CASES = "registration_cases";
    static final String COUNTERS = "registration_counters";

    private final MongoOperations mongo;

    RegistrationStore(MongoOperations mongo, AccountStore accounts) {
        // AccountStore is taken so that the employers' unique indexes exist before the first insert.
        this.mongo = mongo;
        mongo.indexOps(CASES).createIndex(new Index().on("creditCode", Sort.Direction.ASC).named("credit_code"));
        mongo.indexOps(CASES).createIndex(new Index().on("accountNumber", Sort.Direction.ASC).named("account_number"));
    }

    /** Inserts a new case; false when one with that id is already there. */
    boolean insert(RegistrationCase registrationCase) {
        try {
            mongo.insert(registrationCase, CASES);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<RegistrationCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RegistrationCase.class, CASES));
    }

    /** The newest case of a channel for a credit code in a state, if any. */
    Optional<RegistrationCase> latest(String creditCode, Channel channel, RegistrationState state) {
        Query query = Query.query(Criteria.where("creditCode").is(creditCode).and("channel").is(channel.name())
                .and("state").is(state.name())).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, RegistrationCase.class, CASES));
    }

    /**
     * Moves a case from {@code from} to the step's state, recording the step, only if it is still in {@code from}.
     *
     * @param also further fields to set with the move
     * @return the case as stored after the move, or empty when it was no longer in {@code from}
     */
    Optional<RegistrationCase> move(String id, RegistrationState from, StateChange step, Update also) {
        Document stored = new Document();
        mongo.getConverter().write(step, stored);
        stored.remove("_class");
        Update update = also.set("state", step.state().name()).push("history", stored);
        if (step.reasonCode() != null) {
            update.set("reasonCode", step.reasonCode()).set("reason", step.reason());
        }
        Query query = Query.query(Criteria.where("_id").is(id).and("state").is(from.name()));
        if (mongo.updateFirst(query, update, CASES).getModifiedCount() != 1) {
            return Optional.empty();
        }
        return find(id);
    }

    /** The next number of a center's sequence of unit accounts, atomically. */
    long nextSequence(String centerCode) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(centerCode)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }

    /**
     * Inserts the employer, honouring the unique indexes of {@code employers}.
     *
     * @throws DuplicateKeyException when its account number or credit code is already there
     */
    void insertEmployer(RegisteredEmployer employer) {
        Document document = new Document();
        mongo.getConverter().write(employer, document);
        document.remove("_class");
        mongo.insert(document, AccountStore.EMPLOYERS);
    }

    boolean employerExists(String creditCode) {
        return mongo.exists(Query.query(Criteria.where("creditCode").is(creditCode)), AccountStore.EMPLOYERS);
    }

    /** The registration case that opened the employer with this credit code, when registration opened it. */
    Optional<String> openingCase(String creditCode) {
        Query query = Query.query(Criteria.where("creditCode").is(creditCode));
        query.fields().include("registrationCaseId");
        Document found = mongo.findOne(query, Document.class, AccountStore.EMPLOYERS);
        return Optional.ofNullable(found).map(d -> d.getString("registrationCaseId"));
    }

    boolean accountNumberTaken(String accountNumber) {
        return mongo.exists(Query.query(Criteria.where("accountNumber").is(accountNumber)), AccountStore.EMPLOYERS);
    }

    Optional<RegisteredEmployer> employer(String accountNumber) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accountNumber").is(accountNumber)),
                RegisteredEmployer.class, AccountStore.EMPLOYERS));
    }

    List<RegistrationCase> cases(String creditCode) {
        return mongo.find(Query.query(Criteria.where("creditCode").is(creditCode))
                .with(Sort.by(Sort.Direction.ASC, "submittedAt")), RegistrationCase.class, CASES);
    }
}
