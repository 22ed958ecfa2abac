package cn.tongban.center.withdrawal;

import cn.tongban.contracts.CenterCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Withdrawal cases ({@value #COLLECTION}), their daily id counter, and the guard that lets an account have at most one
 * open case of a reason ({@value #ACTIVE}: {@code _id} = account number and reason, released when a case ends without
 * paying).
 */
@Repository
public class WithdrawalCaseStore {

    public static final String COLLECTION = "withdrawal_cases";
    static final String SEQUENCES = "withdrawal_sequences";
    static final String ACTIVE = "withdrawal_active";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoOperations mongo;
    private final Clock clock;

    public WithdrawalCaseStore(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new case id, {@code WD-<center>-<yyyyMMdd>-<seq>}, from an atomic counter per day. */
    String nextId(CenterCode center) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(center.value() + "-" + today)),
                new Update().inc("next", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        long sequence = ((Number) counter.get("next")).longValue();
        return "WD-%s-%s-%06d".formatted(center.value(), DAY.format(today), sequence);
    }

    /** The id of the account's open case of {@code reason}, if it has one. */
    Optional<String> held(String accountNumber, String reason) {
        return Optional.ofNullable(mongo.findById(accountNumber + ":" + reason, Document.class, ACTIVE))
                .map(held -> held.getString("caseId"));
    }

    /**
     * Claims the account's open case of {@code reason} for {@code caseId}.
     *
     * @return empty when claimed; else the id of the case that holds the claim
     */
    Optional<String> claim(String accountNumber, String reason, String caseId) {
        try {
            mongo.insert(new Document("_id", accountNumber + ":" + reason).append("caseId", caseId), ACTIVE);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            Document held = mongo.findById(accountNumber + ":" + reason, Document.class, ACTIVE);
            if (held == null) {
                return claim(accountNumber, reason, caseId);
            }
            return Optional.of(held.getString("caseId"));
        }
    }

    /** Releases the claim of a case that ended without paying, so that the person may apply again. */
    void release(WithdrawalCase ended) {
        mongo.remove(Query.query(Criteria.where("_id").is(ended.accountNumber() + ":" + ended.reason())
                .and("caseId").is(ended.id())), ACTIVE);
    }

    void insert(WithdrawalCase fresh) {
        mongo.insert(fresh, COLLECTION);
    }

    public Optional<WithdrawalCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, WithdrawalCase.class, COLLECTION));
    }

    /**
     * Moves {@code seen} to {@code to} if it is still in the state it was read in, recording the move in its history.
     *
     * @return the case after the move, or empty when another process moved it first
     */
    Optional<WithdrawalCase> move(WithdrawalCase seen, WithdrawalState to, String note, Consumer<Update> also) {
        if (!seen.state().canMoveTo(to)) {
            throw new IllegalStateException("a case " + seen.state() + " cannot become " + to);
        }
        Document entry = new Document();
        mongo.getConverter().write(new WithdrawalHistoryEntry(clock.instant(), seen.state(), to, note), entry);
        entry.remove("_class");
        Update update = new Update().set("state", to.name()).set("updatedAt", clock.instant()).push("history", entry);
        also.accept(update);
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(seen.id()).and("state").is(seen.state().name())), update,
                FindAndModifyOptions.options().returnNew(true), WithdrawalCase.class, COLLECTION));
    }

    WithdrawalCase reload(WithdrawalCase seen) {
        return find(seen.id()).orElseThrow(() -> new IllegalStateException("withdrawal case " + seen.id() + " vanished"));
    }
}
