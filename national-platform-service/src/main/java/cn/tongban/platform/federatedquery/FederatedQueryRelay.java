package cn.tongban.platform.federatedquery;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.FederatedQueryAnswered;
import cn.tongban.contracts.federatedquery.FederatedQueryAsked;
import cn.tongban.contracts.federatedquery.FederatedQueryRouted;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.platform.registry.CenterRegistry;
import cn.tongban.platform.registry.RegisteredCenter;
import cn.tongban.platform.relay.NonCaseFlow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The platform's part of the federated information query (跨中心信息查询): keeps the holder index the centers
 * publish, sends a person's query to every active center that holds an account of theirs, tells the asking center
 * where it went, and passes the answers back. Not a case: no lifecycle, no time limit; the asking center decides
 * how long it waits. Each step is one single-document write with its outgoing events (transactional outbox), so a
 * crash or a redelivery loses or doubles nothing.
 */
@Component
class FederatedQueryRelay implements NonCaseFlow {

    private static final Logger log = LoggerFactory.getLogger(FederatedQueryRelay.class);
    private static final Set<String> TYPES = Set.of(AccountIndexPublished.TYPE.toString(),
            FederatedQueryAsked.TYPE.toString(), FederatedQueryAnswered.TYPE.toString());

    private final HolderIndex index;
    private final CenterRegistry registry;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final EventCodec codec;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    FederatedQueryRelay(HolderIndex index, CenterRegistry registry, OutboxWriter writer, OutgoingEvents events,
                        EventCodec codec, MongoOperations mongo, Clock clock, MeterRegistry meters) {
        this.index = index;
        this.registry = registry;
        this.writer = writer;
        this.events = events;
        this.codec = codec;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public boolean relays(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void relay(ReceivedEvent received, RegisteredCenter sender) {
        String type = received.type();
        if (type.equals(AccountIndexPublished.TYPE.toString())) {
            indexed(codec.caseEvent(received, AccountIndexPublished.class), sender.code());
        } else if (type.equals(FederatedQueryAsked.TYPE.toString())) {
            asked(received, codec.caseEvent(received, FederatedQueryAsked.class), sender.code());
        } else {
            answered(received, codec.caseEvent(received, FederatedQueryAnswered.class), sender.code());
        }
    }

    private void indexed(AccountIndexPublished published, CenterCode sender) {
        requireOwn(published, published.center(), sender);
        int applied = index.apply(sender, published.entries());
        meters.counter("tongban.federated.index.lines", "center", sender.value(), "outcome", "applied").increment(applied);
        meters.counter("tongban.federated.index.lines", "center", sender.value(), "outcome", "stale")
                .increment(published.entries().size() - applied);
    }

    /** Routes the query: the same event to each active holder, and where it went to the asker. */
    private void asked(ReceivedEvent received, FederatedQueryAsked query, CenterCode sender) {
        requireOwn(query, query.askingCenter(), sender);
        List<CenterCode> asked = new ArrayList<>();
        List<CenterCode> suspended = new ArrayList<>();
        for (CenterCode holder : index.holders(query.person())) {
            if (registry.active(holder).isPresent()) {
                asked.add(holder);
            } else if (registry.find(holder).isPresent()) {
                suspended.add(holder);
            }
        }
        List<OutboxEvent> out = new ArrayList<>();
        for (CenterCode holder : asked) {
            out.add(events.forward(received, Topics.centerInbound(holder), holder, sender.value()));
        }
        out.add(events.of(new FederatedQueryRouted(query.caseId(), sender, asked, suspended, clock.instant()),
                Topics.centerInbound(sender), sender, received.traceparent()));
        RoutedQuery routed = new RoutedQuery(query.caseId().value(), sender, asked, suspended, List.of(),
                clock.instant());
        Outcome outcome = writer.create(RoutedQuery.COLLECTION, routed, received.id(), out);
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("QUERY_EXISTS", "query " + query.caseId() + " was routed before");
        }
        meters.counter("tongban.federated.queries", "outcome", asked.isEmpty() ? "no-holder" : "routed").increment();
        log.info("federated query {} from {}: asked {}, skipped as suspended {}", query.caseId(), sender, asked, suspended);
    }

    /** Passes an answer back to the asker, once, if it comes from a center that was asked. */
    private void answered(ReceivedEvent received, FederatedQueryAnswered answer, CenterCode sender) {
        if (!answer.answeringCenter().equals(sender)) {
            throw new MalformedEventException("FOREIGN_ANSWER", "center " + sender + " answers as " + answer.answeringCenter());
        }
        RoutedQuery query = mongo.findById(answer.caseId().value(), RoutedQuery.class, RoutedQuery.COLLECTION);
        if (query == null) {
            throw new MalformedEventException("UNKNOWN_QUERY", "no federated query " + answer.caseId());
        }
        if (!query.askedCenters().contains(sender)) {
            throw new MalformedEventException("NOT_ASKED", "center " + sender + " was not asked query " + query.id());
        }
        if (!answer.askingCenter().equals(query.askingCenter())
                || !query.askingCenter().value().equals(received.destination())) {
            throw new MalformedEventException("WRONG_DESTINATION", "the answer to query " + query.id()
                    + " goes only to " + query.askingCenter());
        }
        Outcome outcome = writer.apply(AtomicChange.of(RoutedQuery.COLLECTION, query.id())
                .handling(received.id())
                .push("answeredCenters", sender.value())
                .emit(events.forward(received, Topics.centerInbound(query.askingCenter()), query.askingCenter(),
                        sender.value())));
        if (outcome == Outcome.DUPLICATE) {
            log.info("federated query {}: answer {} relayed before, ignored", query.id(), received.id());
        }
        meters.counter("tongban.federated.answers", "outcome", outcome.name()).increment();
    }

    /** A center publishes its own index and asks its own queries, under its own serial numbers. */
    private static void requireOwn(CaseEvent data, CenterCode named, CenterCode sender) {
        CaseId id = data.caseId();
        if (!named.equals(sender) || !id.opener().equals(sender)) {
            throw new MalformedEventException("FOREIGN_SENDER", "center " + sender + " cannot send " + data.eventType()
                    + " " + id + " for center " + named);
        }
    }
}
