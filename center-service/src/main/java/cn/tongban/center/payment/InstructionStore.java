package cn.tongban.center.payment;

import cn.tongban.center.department.InstructionId;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Bank instructions of one kind in their collection. Creating one is the guard against sending it twice (its
 * {@code _id} is unique); every later write is an {@link AtomicChange} conditional on the state and the number of
 * sends read before, so that of two processes acting on the same sight only one succeeds.
 */
public class InstructionStore<I extends BankInstruction> {

    protected final MongoOperations mongo;
    protected final String collection;
    private final Class<I> type;
    private final OutboxWriter writer;
    private final Clock clock;

    protected InstructionStore(MongoOperations mongo, OutboxWriter writer, Clock clock, String collection, Class<I> type) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
        this.collection = collection;
        this.type = type;
        mongo.indexOps(collection).createIndex(new Index().on("state", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC)
                .named("state_updated"));
    }

    /**
     * What a sweep takes up, oldest first: every unknown outcome, every instruction the bank accepted and has not
     * settled yet, and those left sent or requested since before {@code staleBefore}.
     */
    public List<I> open(Instant staleBefore, int limit) {
        Criteria open = new Criteria().orOperator(
                Criteria.where("state").is(PaymentState.UNKNOWN.name()),
                Criteria.where("state").is(PaymentState.SENT.name()).and("bankReference").ne(null),
                Criteria.where("state").in(PaymentState.SENT.name(), PaymentState.REQUESTED.name()).and("updatedAt").lt(staleBefore));
        Query query = Query.query(open).with(Sort.by(Sort.Direction.ASC, "updatedAt")).limit(limit);
        return mongo.find(query, type, collection);
    }

    public Optional<I> find(InstructionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), type, collection));
    }

    /** Records a new instruction; false when one with its id is there already. */
    public boolean create(I instruction) {
        return writer.create(collection, instruction, null, List.of()) == Outcome.APPLIED;
    }

    /**
     * Moves {@code seen} to {@code to}, with {@code more} changes, if it is still as seen (same state, same sends).
     *
     * @return the instruction after the move, or empty when something else moved it first
     */
    public Optional<I> move(I seen, PaymentState to, String note, UnaryOperator<AtomicChange> more) {
        if (!seen.state().canMoveTo(to)) {
            throw new IllegalStateException("a bank instruction does not move from " + seen.state() + " to " + to);
        }
        return change(seen, to, note, more);
    }

    /** Changes fields of {@code seen} without moving it, if it is still as seen; the note goes to its history. */
    public Optional<I> update(I seen, String note, UnaryOperator<AtomicChange> more) {
        return change(seen, seen.state(), note, more);
    }

    private Optional<I> change(I seen, PaymentState to, String note, UnaryOperator<AtomicChange> more) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(collection, seen.id())
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
