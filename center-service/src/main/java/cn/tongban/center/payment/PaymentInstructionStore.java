package cn.tongban.center.payment;

import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The payment instructions in {@code payment_instructions}. Creating one is the guard against paying a case twice (its
 * {@code _id} is unique); every later write is an {@link AtomicChange} conditional on the state and the number of
 * sends read before, so that of two processes acting on the same sight only one succeeds.
 */
@Repository
public class PaymentInstructionStore extends InstructionStore<PaymentInstruction> {

    public static final String COLLECTION = "payment_instructions";

    PaymentInstructionStore(MongoOperations mongo, OutboxWriter writer, Clock clock) {
        super(mongo, writer, clock, COLLECTION, PaymentInstruction.class);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("settledAt", Sort.Direction.ASC).named("settled"));
    }

    /** The instructions with these ids, those there are. */
    public List<PaymentInstruction> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PaymentInstruction.class, COLLECTION);
    }

    /** The instructions settled from {@code from} (included) to {@code to} (excluded). */
    public List<PaymentInstruction> settledBetween(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("settledAt").gte(from).lt(to)), PaymentInstruction.class, COLLECTION);
    }
}
