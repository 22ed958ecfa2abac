package cn.tongban.center.repayment;

import cn.tongban.center.department.InstructionId;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.payment.PaymentTransition;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Repository;

/**
 * The payoff debits in {@code payoff_instructions}. Creating one is the guard against debiting a loan's payoff twice
 * (its {@code _id} {@code PO-<contract>} is unique); every later write is an {@link AtomicChange} conditional on the
 * state and the number of sends read before, so that of two processes acting on the same sight only one succeeds.
 */
@Repository
public class PayoffInstructionStore {

    public static final String COLLECTION = "payoff_instructions";

    private final OutboxWriter writer;
    private final MongoOperations mongo;
    private final Clock clock;

    PayoffInstructionStore(MongoOperations mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    public Optional<PayoffInstruction> find(InstructionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), PayoffInstruction.class, COLLECTION));
    }

    /** Records a new instruction; false when one with its id is there already. */
    boolean create(PayoffInstruction instruction) {
        return writer.create(COLLECTION, instruction, null, List.of()) == Outcome.APPLIED;
    }

    /**
     * Moves {@code seen} to {@code to}, with {@code more} changes, if it is still as seen (same state, same sends).
     *
     * @return the instruction after the move, or empty when something else moved it first
     */
    Optional<PayoffInstruction> move(PayoffInstruction seen, PaymentState to, String note, UnaryOperator<AtomicChange> more) {
        if (!seen.state().canMoveTo(to)) {
            throw new IllegalStateException("a payoff instruction does not move from " + seen.state() + " to " + to);
        }
        return change(seen, to, note, more);
    }

    /** Changes fields of {@code seen} without moving it, if it is still as seen; the note goes to its history. */
    Optional<PayoffInstruction> update(PayoffInstruction seen, String note, UnaryOperator<AtomicChange> more) {
        return change(seen, seen.state(), note, more);
    }

    private Optional<PayoffInstruction> change(PayoffInstruction seen, PaymentState to, String note,
                                               UnaryOperator<AtomicChange> more) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(COLLECTION, seen.id())
                .whenIn("state", List.of(seen.state()))
                .whenIn("sends", List.of(seen.sends()))
                .set("state", to)
                .set("updatedAt", now)
                .push("history", new PaymentTransition(now, seen.state(), to, note));
        if (writer.apply(more.apply(change)) != Outcome.APPLIED) {
            return Optional.empty();
        }
        return find(seen.instructionId());
    }
}
