package cn.tongban.center.jointhandling;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.contribution.AccountChange;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Approved joint purchase withdrawals ({@value #COLLECTION}) and the balance debit of a paid one. */
@Repository
class JointWithdrawalStore {

    static final String COLLECTION = "joint_withdrawals";
    /** GJHTQYWLX 11 部分提取. */
    static final String PARTIAL_WITHDRAWAL = "11";
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

    /**
     * Takes the paid amount off the account's balance (部分提取) with one conditional update that also records the
     * change, keyed on the case so that it happens once; then marks the withdrawal debited.
     *
     * @return false when the balance is lower than the amount paid (changed meanwhile): left for a clerk
     */
    boolean debit(JointWithdrawal paid, AccountChange change) {
        if (!paid.debited() && !alreadyDebited(paid)) {
            Document stored = new Document();
            mongo.getConverter().write(change, stored);
            stored.remove("_class");
            stored.put("serialNumber", paid.id());
            Query query = Query.query(Criteria.where("accountNumber").is(paid.accountNumber())
                    .and("balance").gte(paid.amount().fen())
                    .and(AccountChange.FIELD + ".serialNumber").ne(paid.id()));
            Update update = new Update().inc("balance", -paid.amount().fen()).push(AccountChange.FIELD, stored);
            if (mongo.updateFirst(query, update, AccountStore.ACCOUNTS).getModifiedCount() != 1 && !alreadyDebited(paid)) {
                return false;
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(paid.id())), new Update().set("debited", true), COLLECTION);
        return true;
    }

    private boolean alreadyDebited(JointWithdrawal paid) {
        return mongo.exists(Query.query(Criteria.where("accountNumber").is(paid.accountNumber())
                .and(AccountChange.FIELD + ".serialNumber").is(paid.id())), AccountStore.ACCOUNTS);
    }
}
