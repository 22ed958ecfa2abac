package cn.tongban.center.payment;

import cn.tongban.center.department.InstructionId;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
public class PaymentInstructionStore {

    public static final String COLLECTION = "payment_instructions";

    private final MongoOperations mongo;
    private final OutboxWriter writer;
    private final Clock clock;

    PaymentInstructionStore(MongoOperations mongo, OutboxWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC)
                .named("state_updated"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("settledAt", Sort.Direction.ASC).named("settled"));
    }

    public Optional<PaymentInstruction> find(InstructionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), PaymentInstruction.class, COLLECTION));
    }

    /** The instructions with these ids, those there are. */
    public List<PaymentInstruction> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PaymentInstruction.class, COLLECTION);
    }

    /** The instructions settled from {@code from} (included) to {@code to} (excluded). */
    public List<PaymentInstruction> settledBetween(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("settledAt").gte(from).lt(to)), PaymentInstruction.class, COLLECTION);
    }

    /**
     * What the sweep takes up, oldest first: every unknown outcome, every instruction the bank accepted and has not
     * settled yet, and those left sent or requested since before {@code staleBefore}.
     */
    List<PaymentInstruction> open(Instant staleBefore, int limit) {
        Criteria open = new Criteria().orOperator(
                Criteria.where("state").is(PaymentState.UNKNOWN.name()),
                Criteria.where("state").is(PaymentState.SENT.name()).and("bankReference").ne(null),
                Criteria.where("state").in(PaymentState.SENT.name(), PaymentState.REQUESTED.name()).and("updatedAt").lt(staleBefore));
        Query query = Query.query(open).with(Sort.by(Sort.Direction.ASC, "updatedAt")).limit(limit);
        return mongo.find(query, PaymentInstruction.class, COLLECTION);
    }

    /** Records a new instruction; false when one with its id is there already. */
    boolean create(PaymentInstruction instruction) {
        Outcome outcome = writer.create(COLLECTION, instruction, null, List.of());
        return outcome == Outcome.APPLIED;
    }

    /**
     * Moves {@code seen} to {@code to}, with {@code more} changes, if it is still as seen (same state, same sends).
     *
     * @return the instruction after the move, or empty when something else moved it first
     */
    Optional<PaymentInstruction> move(PaymentInstruction seen, PaymentState to, String note, UnaryOperator<AtomicChange> more) {
        if (!seen.state().canMoveTo(to)) {
            throw new IllegalStateException("a payment instruction does not move from " + seen.state() + " to " + to);
        }
        return change(seen, to, note, more);
    }

    /** Changes fields of {@code seen} without moving it, if it is still as seen; the note goes to its history. */
    Optional<PaymentInstruction> update(PaymentInstruction seen, String note, UnaryOperator<AtomicChange> more) {
        return change(seen, seen.state(), note, more);
    }

    private Optional<PaymentInstruction> change(PaymentInstruction seen, PaymentState to, String note,
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
