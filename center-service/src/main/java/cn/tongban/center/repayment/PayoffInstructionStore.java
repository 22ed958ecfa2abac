package cn.tongban.center.repayment;

import cn.tongban.center.payment.InstructionStore;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxWriter;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoOperations;
import cn.tongban.center.payment.PaymentState;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The payoff debits in {@code payoff_instructions}. Creating one is the guard against debiting a loan's payoff twice
 * (its {@code _id} {@code PO-<contract>} is unique); every later write is an {@link AtomicChange} conditional on the
 * state and the number of sends read before, so that of two processes acting on the same sight only one succeeds.
 */
@Repository
public class PayoffInstructionStore extends InstructionStore<PayoffInstruction> {

    public static final String COLLECTION = "payoff_instructions";

    PayoffInstructionStore(MongoOperations mongo, OutboxWriter writer, Clock clock) {
        super(mongo, writer, clock, COLLECTION, PayoffInstruction.class);
    }

    /** Debits the bank settled whose loan has not been closed yet (the process that settled them died). */
    List<PayoffInstruction> settledWithLoanOpen(int limit) {
        Query query = Query.query(Criteria.where("state").is(PaymentState.SETTLED.name()).and("loanClosedOn").is(null))
                .limit(limit);
        return mongo.find(query, PayoffInstruction.class, COLLECTION);
    }
}
