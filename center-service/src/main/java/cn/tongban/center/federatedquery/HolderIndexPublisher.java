package cn.tongban.center.federatedquery;

import cn.tongban.center.CenterProperties;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.contracts.federatedquery.IndexEntry;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes this center's holder index (账户持有人索引) to the platform: the keyed hash of each account holder and
 * whether they hold an open account here. The center keeps what it published in its own collection
 * {@value #INDEX} ({@code _id} = hash, with the identity number so that a query's hash leads back to the person);
 * a sweep compares every holder with it and publishes only the differences, in events of at most
 * {@link AccountIndexPublished#MAX_ENTRIES} lines. The first sweep therefore publishes everyone (the full
 * publication), later ones the accounts opened or closed since, whoever opened or closed them; a flow that wants
 * the platform to know at once calls {@link #refresh(IdentityNumber)}.
 *
 * <p>Each batch is a document of {@value #BATCHES} with its event in the outbox, written before the lines of
 * {@value #INDEX} are marked published: a crash in between publishes the same lines again, which the platform's
 * index takes as no change.
 */
public class HolderIndexPublisher {

    private static final Logger log = LoggerFactory.getLogger(HolderIndexPublisher.class);

    static final String INDEX = "federated_index";
    static final String BATCHES = "federated_index_batches";
    private static final int LOOKUP_CHUNK = 1_000;

    /** What a sweep did. */
    public record Sweep(long people, long linesPublished, int events) {
    }

    private final IdentityHasher hasher;
    private final AccountsOfPerson accounts;
    private final Supplier<CaseId> serials;
    private final CenterProperties center;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final MongoOperations mongo;
    private final Clock clock;
    private final int batchSize;

    HolderIndexPublisher(IdentityHasher hasher, AccountsOfPerson accounts, Supplier<CaseId> serials, CenterProperties center,
                         OutboxWriter writer, OutgoingEvents events, MongoOperations mongo, Clock clock, int batchSize) {
        this.hasher = hasher;
        this.accounts = accounts;
        this.serials = serials;
        this.center = center;
        this.writer = writer;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.batchSize = Math.min(batchSize, AccountIndexPublished.MAX_ENTRIES);
    }

    /** Compares every holder with the published index and publishes what changed. */
    public synchronized Sweep sweep() {
        Instant asOf = clock.instant();
        long people = 0;
        List<Line> pending = new ArrayList<>();
        List<Line> changed = new ArrayList<>();
        long published = 0;
        int eventsSent = 0;
        try (Stream<AccountsOfPerson.Holding> holdings = accounts.holdings()) {
            Iterator<AccountsOfPerson.Holding> it = holdings.iterator();
            IdentityNumber person = null;
            boolean open = false;
            while (it.hasNext()) {
                AccountsOfPerson.Holding holding = it.next();
                if (person != null && !person.equals(holding.person())) {
                    pending.add(line(person, open, asOf));
                    people++;
                    open = false;
                }
                person = holding.person();
                open |= holding.open();
                if (pending.size() >= LOOKUP_CHUNK) {
                    changed.addAll(changedOf(pending));
                    pending.clear();
                }
                while (changed.size() >= batchSize) {
                    published += publish(changed.subList(0, batchSize));
                    changed = new ArrayList<>(changed.subList(batchSize, changed.size()));
                    eventsSent++;
                }
            }
            if (person != null) {
                pending.add(line(person, open, asOf));
                people++;
            }
        }
        changed.addAll(changedOf(pending));
        for (int from = 0; from < changed.size(); from += batchSize) {
            published += publish(changed.subList(from, Math.min(changed.size(), from + batchSize)));
            eventsSent++;
        }
        Sweep sweep = new Sweep(people, published, eventsSent);
        log.info("holder index of {}: {} people compared, {} lines published in {} events", center.code(), people,
                published, eventsSent);
        return sweep;
    }

    /** Publishes one person's line now if it changed (after an account of theirs was opened or closed). */
    public synchronized boolean refresh(IdentityNumber person) {
        boolean open = accounts.accountOf(person).map(account -> !account.state().isClosed()).orElse(false);
        List<Line> changed = changedOf(List.of(line(person, open, clock.instant())));
        if (changed.isEmpty()) {
            return false;
        }
        publish(changed);
        return true;
    }

    /** The identity number behind a hash this center published, if it did. */
    public Optional<IdentityNumber> personOf(IdentityHash hash) {
        Document line = mongo.findById(hash.value(), Document.class, INDEX);
        return line == null ? Optional.empty() : Optional.of(IdentityNumber.of(line.getString("identityNumber")));
    }

    private Line line(IdentityNumber person, boolean open, Instant asOf) {
        return new Line(person, hasher.hash(person), open, asOf);
    }

    /** The lines whose published state differs from what is stored, looked up by {@code _id} in one query. */
    private List<Line> changedOf(List<Line> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Line> byHash = new LinkedHashMap<>();
        lines.forEach(line -> byHash.put(line.hash().value(), line));
        Query known = Query.query(Criteria.where("_id").in(byHash.keySet()));
        known.fields().include("holds");
        Map<String, Boolean> published = new HashMap<>();
        mongo.find(known, Document.class, INDEX).forEach(d -> published.put(d.getString("_id"), d.getBoolean("holds")));
        return byHash.values().stream()
                .filter(line -> !Boolean.valueOf(line.holds()).equals(published.get(line.hash().value())))
                .filter(line -> line.holds() || published.containsKey(line.hash().value()))
                .toList();
    }

    private int publish(List<Line> lines) {
        CaseId serial = serials.get();
        Instant now = clock.instant();
        AccountIndexPublished data = new AccountIndexPublished(serial, center.code(),
                lines.stream().map(line -> new IndexEntry(line.hash(), line.holds(), line.asOf())).toList(), now);
        writer.create(BATCHES, new IndexBatch(serial.value(), lines.size(), now), null,
                List.of(events.of(data, Topics.RELAY_INBOUND, null, null)));
        for (Line line : lines) {
            mongo.upsert(Query.query(Criteria.where("_id").is(line.hash().value())), new Update()
                    .set("identityNumber", line.person().value()).set("holds", line.holds())
                    .set("asOf", Date.from(line.asOf())), INDEX);
        }
        return lines.size();
    }

    /** A published batch: its serial number and size; its event travels in the document's outbox. */
    record IndexBatch(String id, int lines, Instant publishedAt) {
    }

    private record Line(IdentityNumber person, IdentityHash hash, boolean holds, Instant asOf) {
    }
}
