package cn.tongban.center.jointhandling;

import cn.tongban.contracts.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Approved joint purchase withdrawals ({@value #COLLECTION}); the debit of a paid one is a ledger posting. */
@Repository
class JointWithdrawalStore {

    static final String COLLECTION = "joint_withdrawals";
    private static final List<String> COUNTING = List.of(JointWithdrawal.Status.APPROVED.name(), JointWithdrawal.Status.PAID.name());

    private final MongoOperations mongo;

    JointWithdrawalStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("identityNumber", Sort.Direction.ASC).named("identity"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("homeId", Sort.Direction.ASC).named("home"));
    }

    Optional<JointWithdrawal> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, JointWithdrawal.class, COLLECTION));
    }

    /** Records the approval; if the case was approved before, that approval stands and is returned. */
    JointWithdrawal approve(JointWithdrawal approved) {
        try {
            mongo.insert(approved, COLLECTION);
            return approved;
        } catch (DuplicateKeyException e) {
            return find(approved.id()).orElseThrow();
        }
    }

    /** The person's approved or paid purchase withdrawals here, other than {@code exceptCase}. */
    List<JointWithdrawal> pastOf(String identityNumber, String exceptCase) {
        return mongo.find(Query.query(Criteria.where("identityNumber").is(identityNumber)), JointWithdrawal.class, COLLECTION)
                .stream().filter(w -> !w.id().equals(exceptCase) && COUNTING.contains(w.status().name())).toList();
    }

    /** What has been approved or paid here for the home, any family member, other than {@code exceptCase}. */
    Money withdrawnFor(String homeId, String exceptCase) {
        return mongo.find(Query.query(Criteria.where("homeId").is(homeId)), JointWithdrawal.class, COLLECTION).stream()
                .filter(w -> !w.id().equals(exceptCase) && COUNTING.contains(w.status().name()))
                .map(JointWithdrawal::amount).reduce(Money.ZERO, Money::plus);
    }

    JointWithdrawal paid(JointWithdrawal approved, String bankReference, Instant paidAt) {
        return move(approved, new Update().set("status", JointWithdrawal.Status.PAID.name())
                .set("bankReference", bankReference).set("paidAt", paidAt));
    }

    JointWithdrawal failed(JointWithdrawal approved, String code, String reason) {
        return move(approved, new Update().set("status", JointWithdrawal.Status.FAILED.name())
                .set("failureCode", code).set("failureReason", reason));
    }

    private JointWithdrawal move(JointWithdrawal approved, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(approved.id())
                .and("status").is(JointWithdrawal.Status.APPROVED.name())), update, COLLECTION);
        return find(approved.id()).orElseThrow();
    }

    /** Records that the paid amount has been posted to the account's ledger (部分提取). */
    void debited(JointWithdrawal paid) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(paid.id())), new Update().set("debited", true), COLLECTION);
    }
}
