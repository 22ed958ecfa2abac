package cn.tongban.platform.relay;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.casefile.CaseEvents;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.CaseTransitioned;
import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.EventSignatures;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import cn.tongban.platform.deadline.Deadlines;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.registry.CenterRegistry;
import cn.tongban.platform.registry.RegisteredCenter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The relay (转发): checks who sent an event and to whom, moves the platform's case by the event, and
 * forwards the event to the other center — the case change, the forwarded copy and the lifecycle event
 * written in one atomic update, so a crash between them loses or doubles nothing. The listener hands it a
 * whole poll at a time ({@link #relay(List)}); each event is checked and moves its case exactly as if it came
 * alone.
 */
@Service
public class RelayService {

    private static final Logger log = LoggerFactory.getLogger(RelayService.class);

    private final CenterRegistry registry;
    private final PlatformCaseStore cases;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final EventCodec codec;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<NonCaseFlow> nonCaseFlows;

    RelayService(CenterRegistry registry, PlatformCaseStore cases, OutboxWriter writer, OutgoingEvents events,
                 EventCodec codec, Deadlines deadlines, AuditLog audit, Clock clock, MeterRegistry meters,
                 ObjectProvider<NonCaseFlow> nonCaseFlows) {
        this.nonCaseFlows = nonCaseFlows.orderedStream().toList();
        this.registry = registry;
        this.cases = cases;
        this.writer = writer;
        this.events = events;
        this.codec = codec;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** Relays one event, as a batch of one; a refusal is thrown as the {@link MalformedEventException} that dead-letters it. */
    public void relay(ReceivedEvent received) {
        MalformedEventException refused = relay(List.of(received)).get(0);
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * Relays a poll's events as one batch, with the same checks and the same effects as relaying each of them
     * alone in their order: the signatures checked in parallel, the cases of a round read in one query and
     * written with one bulk of compare-and-set updates (a case that changed meanwhile goes through the
     * single-document path), the audit records appended as one run. The k-th event of a case in the batch is
     * handled in round k, so each case moves in the order its events came. When this returns, every relayed
     * event is durable (case, outbox, audit record).
     *
     * @return for each event, in order: null if it was relayed (or had been before), else why it is refused
     */
    public List<MalformedEventException> relay(List<ReceivedEvent> batch) {
        int size = batch.size();
        MalformedEventException[] refused = new MalformedEventException[size];
        Checked[] checked = new Checked[size];
        IntStream.range(0, size).parallel().forEach(i -> {
            try {
                checked[i] = check(batch.get(i));
            } catch (MalformedEventException e) {
                refused[i] = e;
            }
        });
        boolean[] nonCaseRelayed = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (checked[i] != null && checked[i].nonCase()) {
                try {
                    checked[i].flow().relay(batch.get(i), checked[i].from());
                    nonCaseRelayed[i] = true;
                } catch (MalformedEventException e) {
                    refused[i] = e;
                }
            }
        }
        List<List<Integer>> rounds = new ArrayList<>();
        Map<String, Integer> eventsOfCase = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (checked[i] != null && !checked[i].nonCase()) {
                int round = eventsOfCase.merge(checked[i].received().subject(), 1, Integer::sum) - 1;
                if (round == rounds.size()) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(i);
            }
        }
        Outcome[] outcomes = new Outcome[size];
        for (List<Integer> round : rounds) {
            relayRound(round, checked, outcomes, refused);
        }
        List<CanonicalForm> relayed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (outcomes[i] != null) {
                count(checked[i], outcomes[i]);
                relayed.add(AuditLog.canonicalFormOf(batch.get(i)));
            } else if (nonCaseRelayed[i]) {
                relayed.add(AuditLog.canonicalFormOf(batch.get(i)));
            }
        }
        audit.appendAll(relayed);
        return Arrays.asList(refused);
    }

    /** One event of each of some cases: the openings created in one bulk, the moves applied in another. */
    private void relayRound(List<Integer> round, Checked[] checked, Outcome[] outcomes, MalformedEventException[] refused) {
        List<Integer> opening = new ArrayList<>();
        List<OutboxWriter.Creation> creations = new ArrayList<>();
        List<Integer> moving = new ArrayList<>();
        List<AtomicChange> changes = new ArrayList<>();
        Map<String, PlatformCase> current = cases.findAll(round.stream().filter(i -> !checked[i].opens())
                .map(i -> checked[i].received().subject()).toList());
        for (int i : round) {
            try {
                if (checked[i].opens()) {
                    creations.add(opening(checked[i]));
                    opening.add(i);
                } else {
                    changes.add(advance(checked[i], current.get(checked[i].received().subject())));
                    moving.add(i);
                }
            } catch (MalformedEventException e) {
                refused[i] = e;
            }
        }
        settleAll(opening, writer.createAll(PlatformCaseStore.COLLECTION, creations), checked, outcomes, refused);
        settleAll(moving, writer.applyAll(changes), checked, outcomes, refused);
    }

    private void settleAll(List<Integer> indexes, List<Outcome> written, Checked[] checked, Outcome[] outcomes,
                           MalformedEventException[] refused) {
        for (int k = 0; k < indexes.size(); k++) {
            int i = indexes.get(k);
            try {
                outcomes[i] = settle(checked[i], written.get(k));
            } catch (MalformedEventException e) {
                refused[i] = e;
            }
        }
    }

    /** The checks that need no case: sender, signature, type, data, destination. */
    private Checked check(ReceivedEvent received) {
        CenterCode sender = Envelope.centerOfSource(received.source());
        if (sender == null || registry.find(sender).isEmpty()) {
            throw new MalformedEventException("UNKNOWN_SENDER", "no registered center sends as " + received.source());
        }
        RegisteredCenter from = registry.active(sender)
                .orElseThrow(() -> new MalformedEventException("SUSPENDED_SENDER", "center " + sender + " is suspended"));
        EventSignatures.require(received, from.publicKey(), "center " + sender);
        for (NonCaseFlow flow : nonCaseFlows) {
            if (flow.relays(received.type())) {
                return new Checked(received, null, null, sender, null, flow, from);
            }
        }
        CaseEvents.Kind kind = CaseEvents.kindOf(received.type())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_TYPE", "the platform does not relay " + received.type()));
        CaseEvent data = codec.caseEvent(received, kind.payload());
        CenterCode destination = destinationOf(received);
        if (destination.equals(sender)) {
            throw new MalformedEventException("SELF_ADDRESSED", "a center cannot address itself through the platform");
        }
        return new Checked(received, data, kind.moves(), sender, destination, null, from);
    }

    /** What the write of an event's change came to; a refusal is thrown. */
    private Outcome settle(Checked checked, Outcome outcome) {
        String caseId = checked.received().subject();
        switch (outcome) {
            case CONFLICT -> throw checked.opens()
                    ? new MalformedEventException("CASE_EXISTS", "case " + caseId + " is already open")
                    : new MalformedEventException("ILLEGAL_TRANSITION", "case " + caseId + " cannot move to "
                            + checked.moves() + " from " + cases.find(caseId).map(PlatformCase::state).orElse(null));
            case NOT_FOUND -> throw new MalformedEventException("UNKNOWN_CASE", "no case " + caseId);
            case DUPLICATE -> log.info("case {}: event {} relayed before, ignored", caseId, checked.received().id());
            case APPLIED -> {
            }
        }
        return outcome;
    }

    private void count(Checked checked, Outcome outcome) {
        ReceivedEvent received = checked.received();
        if (outcome == Outcome.APPLIED && received.time() != null) {
            Timer.builder("tongban.relay.latency").description("from the sender's event time to the relay's write")
                    .tag("type", received.type()).register(meters)
                    .record(Duration.between(received.time(), clock.instant()));
        }
        meters.counter("tongban.relay.events", "type", received.type(), "outcome", outcome.name()).increment();
    }

    /** An event that passed the checks that need no case, and the state it would move its case into. */
    private record Checked(ReceivedEvent received, CaseEvent data, CaseState moves, CenterCode sender,
                           CenterCode destination, NonCaseFlow flow, RegisteredCenter from) {

        /** Not a case step: handed to its {@link NonCaseFlow}, in the order the events came. */
        boolean nonCase() {
            return flow != null;
        }

        boolean opens() {
            return moves == CaseState.SUBMITTED;
        }
    }

    private CenterCode destinationOf(ReceivedEvent received) {
        if (received.destination() == null || !CenterCode.isValid(received.destination())) {
            throw new MalformedEventException("MISSING_DESTINATION", "the event names no destination center (tbdest)");
        }
        CenterCode destination = CenterCode.of(received.destination());
        if (registry.find(destination).isEmpty()) {
            throw new MalformedEventException("UNKNOWN_DESTINATION", "no registered center " + destination);
        }
        if (registry.active(destination).isEmpty()) {
            throw new MalformedEventException("SUSPENDED_DESTINATION", "center " + destination + " is suspended");
        }
        return destination;
    }

    /** A new request opens the case and starts tracking it. */
    private OutboxWriter.Creation opening(Checked checked) {
        ReceivedEvent received = checked.received();
        CenterCode sender = checked.sender();
        CenterCode destination = checked.destination();
        CaseId caseId = checked.data().caseId();
        if (!caseId.opener().equals(sender)) {
            throw new MalformedEventException("FOREIGN_CASE_ID", "center " + sender + " cannot open case " + caseId);
        }
        Instant now = clock.instant();
        var item = ServiceItems.itemOf(checked.data());
        HandlingMode mode = ServiceItems.modeOf(checked.data());
        PlatformCase opened = new PlatformCase(caseId.value(), item, mode, sender, destination, CaseState.SUBMITTED,
                now, null, null, null, null, null, now, List.of(new PlatformCase.Step(now, received.id(), received.type(), sender,
                destination, CaseState.SUBMITTED)));
        return new OutboxWriter.Creation(opened, received.id(), List.of(
                forward(received, sender, destination),
                lifecycle(opened, null, CaseState.SUBMITTED, now)));
    }

    /**
     * A later event moves the case on, if it comes from the right party and the move is allowed: the change,
     * checked again on the document when it is written.
     *
     * @param current the case as read, null if there is none
     */
    private AtomicChange advance(Checked checked, PlatformCase current) {
        ReceivedEvent received = checked.received();
        CaseState target = checked.moves();
        CenterCode sender = checked.sender();
        CenterCode destination = checked.destination();
        if (current == null) {
            throw new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject());
        }
        if (!current.involves(sender) || !current.involves(destination)) {
            throw new MalformedEventException("NOT_A_PARTY", "centers " + sender + " and " + destination
                    + " are not the parties of case " + current.id());
        }
        boolean fromHandler = sender.equals(current.handlingCenter());
        boolean handlerMove = target.isHandlingCentersMove();
        if (fromHandler != handlerMove) {
            throw new MalformedEventException("WRONG_PARTY", "center " + sender + " may not move case "
                    + current.id() + " to " + target);
        }
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(PlatformCaseStore.COLLECTION, current.id())
                .handling(received.id())
                .whenIn("state", CaseState.predecessorsOf(target))
                .set("state", target)
                .set("updatedAt", now)
                .push("history", new PlatformCase.Step(now, received.id(), received.type(), sender, destination, target));
        // the one hook of the clock: delivery starts it, materials pause and resume it, extensions move it
        Instant dueAt = deadlines.onStep(current, checked.data(), target, now, change);
        PlatformCase moved = new PlatformCase(current.id(), current.item(), current.mode(), current.requestingCenter(),
                current.handlingCenter(), target, current.submittedAt(), current.deliveredAt(), dueAt, null, null, null,
                now, List.of());
        return change.emit(forward(received, sender, destination), lifecycle(moved, current.state(), target, now));
    }

    private OutboxEvent forward(ReceivedEvent received, CenterCode sender, CenterCode destination) {
        return events.forward(received, Topics.centerInbound(destination), destination, sender.value());
    }

    private OutboxEvent lifecycle(PlatformCase c, CaseState from, CaseState to, Instant at) {
        return events.of(new CaseTransitioned(CaseId.of(c.id()), c.item(), c.mode(), c.requestingCenter(),
                c.handlingCenter(), from, to, at, c.dueAt()), Topics.PLATFORM_EVENTS, null, null);
    }
}
