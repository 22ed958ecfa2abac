package cn.tongban.center.federatedquery;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.federatedquery.AccountSummary;
import cn.tongban.contracts.federatedquery.FederatedQueryAnswered;
import cn.tongban.contracts.federatedquery.FederatedQueryAsked;
import cn.tongban.contracts.federatedquery.FederatedQueryRouted;
import cn.tongban.contracts.federatedquery.IdentityHash;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The center's part of the federated information query (跨中心信息查询): as the asking center it sends the
 * person's keyed hash to the platform and collects the answers under the query id; as a holding center it finds
 * the person by the hash in its own published index and answers with a summary of the account. Identity numbers
 * stay in this center's database; events and logs carry the hash or the masked number.
 */
public class FederatedQueryService {

    private static final Logger log = LoggerFactory.getLogger(FederatedQueryService.class);

    /** Where a holding center keeps the answers it gave: one per query, so a redelivered query is answered once. */
    static final String ANSWERS = "federated_answers";

    private final IdentityHasher hasher;
    private final HolderIndexPublisher index;
    private final AccountsOfPerson accounts;
    private final Supplier<CaseId> serials;
    private final CenterProperties center;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration answerTimeout;

    FederatedQueryService(IdentityHasher hasher, HolderIndexPublisher index, AccountsOfPerson accounts,
                          Supplier<CaseId> serials, CenterProperties center, OutboxWriter writer, OutgoingEvents events,
                          MongoOperations mongo, Clock clock, Duration answerTimeout) {
        this.hasher = hasher;
        this.index = index;
        this.accounts = accounts;
        this.serials = serials;
        this.center = center;
        this.writer = writer;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.answerTimeout = answerTimeout;
    }

    /**
     * Asks the federation for the person's accounts.
     *
     * @param askedBy the token subject of whoever asks
     * @param reason why staff ask for someone else (null when the person asks for themselves)
     */
    QueryResult ask(IdentityNumber person, String askedBy, String reason) {
        CaseId id = serials.get();
        Instant now = clock.instant();
        IdentityHash hash = hasher.hash(person);
        boolean onBehalf = reason != null;
        FederatedQuery query = new FederatedQuery(id.value(), hash, person.masked(), askedBy, onBehalf, reason, now,
                null, List.of(), List.of(), List.of());
        writer.create(FederatedQuery.COLLECTION, query, null, List.of(events.of(
                new FederatedQueryAsked(id, center.code(), hash, now), Topics.RELAY_INBOUND, null, null)));
        if (onBehalf) {
            log.info("federated query {} asked by staff {} for {}: {}", id, askedBy, person.masked(), reason);
        } else {
            log.info("federated query {} asked by {} for themselves", id, person.masked());
        }
        return QueryResult.of(query, answerTimeout, now);
    }

    /** The query, if this caller may see it: staff any, a person only their own. */
    Optional<QueryResult> find(String id, Optional<IdentityNumber> ownNumber, boolean staff) {
        FederatedQuery query = mongo.findById(id, FederatedQuery.class, FederatedQuery.COLLECTION);
        if (query == null) {
            return Optional.empty();
        }
        boolean own = ownNumber.map(number -> hasher.hash(number).equals(query.person())).orElse(false);
        return staff || own ? Optional.of(QueryResult.of(query, answerTimeout, clock.instant())) : Optional.empty();
    }

    /** The platform says where it sent our query. */
    void onRouted(ReceivedEvent event, FederatedQueryRouted routed) {
        Outcome outcome = writer.apply(AtomicChange.of(FederatedQuery.COLLECTION, routed.caseId().value())
                .handling(event.id())
                .whenAbsent("routedAt")
                .set("routedAt", routed.routedAt())
                .set("askedCenters", routed.askedCenters().stream().map(CenterCode::value).toList())
                .set("suspendedCenters", routed.suspendedCenters().stream().map(CenterCode::value).toList()));
        requireQuery(outcome, routed.caseId());
    }

    /** A holding center's answer to our query. */
    void onAnswered(ReceivedEvent event, FederatedQueryAnswered answered) {
        FederatedQuery.Answer answer = new FederatedQuery.Answer(answered.answeringCenter(), answered.accounts(),
                answered.answeredAt());
        Outcome outcome = writer.apply(AtomicChange.of(FederatedQuery.COLLECTION, answered.caseId().value())
                .handling(event.id())
                .push("answers", mongo.getConverter().convertToMongoType(answer)));
        requireQuery(outcome, answered.caseId());
    }

    /** Another center's (or our own) query for a person this center published as a holder: answer it once. */
    void onAsked(ReceivedEvent event, FederatedQueryAsked asked) {
        List<AccountSummary> summaries = index.personOf(asked.person())
                .flatMap(accounts::accountOf)
                .map(FederatedQueryService::summaryOf)
                .map(List::of)
                .orElse(List.of());
        Instant now = clock.instant();
        FederatedQueryAnswered answer = new FederatedQueryAnswered(asked.caseId(), asked.askingCenter(), center.code(),
                summaries, now);
        Outcome outcome = writer.create(ANSWERS, new GivenAnswer(asked.caseId().value(), asked.askingCenter(),
                summaries.size(), now), event.id(), List.of(events.of(answer, Topics.RELAY_INBOUND,
                asked.askingCenter(), event.traceparent())));
        if (outcome == Outcome.CONFLICT) {
            log.warn("federated query {} was answered before under another event; not answered again", asked.caseId());
        }
    }

    static AccountSummary summaryOf(PersonalAccount account) {
        return new AccountSummary(account.state().code(), account.state().chinese(), account.balance(),
                account.paidUpTo().orElse(null), account.loans().stream().anyMatch(loan -> !loan.isRepaid()));
    }

    private static void requireQuery(Outcome outcome, CaseId id) {
        if (outcome == Outcome.NOT_FOUND) {
            throw new MalformedEventException("UNKNOWN_QUERY", "this center asked no federated query " + id);
        }
    }

    /** What a holding center keeps of an answer it gave: to whom, how many accounts, when. */
    record GivenAnswer(String id, CenterCode askingCenter, int accounts, Instant answeredAt) {
    }
}
