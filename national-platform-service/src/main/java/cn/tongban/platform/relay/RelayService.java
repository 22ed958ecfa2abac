package cn.tongban.platform.relay;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.casefile.CaseEvents;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.CaseTransitioned;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The relay (转发): checks who sent an event and to whom, moves the platform's case by the event, and
 * forwards the event to the other center — the case change, the forwarded copy and the lifecycle event
 * written in one atomic update, so a crash between them loses or doubles nothing.
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

    public void relay(ReceivedEvent received) {
        CenterCode sender = Envelope.centerOfSource(received.source());
        if (sender == null || registry.find(sender).isEmpty()) {
            throw new MalformedEventException("UNKNOWN_SENDER", "no registered center sends as " + received.source());
        }
        RegisteredCenter from = registry.active(sender)
                .orElseThrow(() -> new MalformedEventException("SUSPENDED_SENDER", "center " + sender + " is suspended"));
        EventSignatures.require(received, from.publicKey(), "center " + sender);
        for (NonCaseFlow flow : nonCaseFlows) {
            if (flow.relays(received.type())) {
                flow.relay(received, from);
                audit.append(received);
                return;
            }
        }
        CaseEvents.Kind kind = CaseEvents.kindOf(received.type())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_TYPE", "the platform does not relay " + received.type()));
        CaseEvent data = codec.caseEvent(received, kind.payload());
        CenterCode destination = destinationOf(received);
        if (destination.equals(sender)) {
            throw new MalformedEventException("SELF_ADDRESSED", "a center cannot address itself through the platform");
        }
        Outcome outcome = kind.moves() == CaseState.SUBMITTED
                ? open(received, data, sender, destination)
                : advance(received, data, kind.moves(), sender, destination);
        if (outcome == Outcome.APPLIED && received.time() != null) {
            Timer.builder("tongban.relay.latency").description("from the sender's event time to the relay's write")
                    .tag("type", received.type()).register(meters)
                    .record(Duration.between(received.time(), clock.instant()));
        }
        meters.counter("tongban.relay.events", "type", received.type(), "outcome", outcome.name()).increment();
        audit.append(received);
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
    private Outcome open(ReceivedEvent received, CaseEvent data, CenterCode sender, CenterCode destination) {
        CaseId caseId = data.caseId();
        if (!caseId.opener().equals(sender)) {
            throw new MalformedEventException("FOREIGN_CASE_ID", "center " + sender + " cannot open case " + caseId);
        }
        Instant now = clock.instant();
        var item = ServiceItems.itemOf(data);
        HandlingMode mode = ServiceItems.modeOf(data);
        PlatformCase opened = new PlatformCase(caseId.value(), item, mode, sender, destination, CaseState.SUBMITTED,
                now, null, null, null, null, null, now, List.of(new PlatformCase.Step(now, received.id(), received.type(), sender,
                destination, CaseState.SUBMITTED)));
        Outcome outcome = writer.create(PlatformCaseStore.COLLECTION, opened, received.id(), List.of(
                forward(received, sender, destination),
                lifecycle(opened, null, CaseState.SUBMITTED, now)));
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("CASE_EXISTS", "case " + caseId + " is already open");
        }
        return outcome;
    }

    /** A later event moves the case on, if it comes from the right party and the move is allowed. */
    private Outcome advance(ReceivedEvent received, CaseEvent data, CaseState target, CenterCode sender,
                            CenterCode destination) {
        PlatformCase current = cases.find(received.subject())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject()));
        if (!current.involves(sender) || !current.involves(destination)) {
            throw new MalformedEventException("NOT_A_PARTY", "centers " + sender + " and " + destination
                    + " are not the parties of case " + current.id());
        }
        boolean fromHandler = sender.equals(current.handlingCenter());
        boolean handlerMove = target != CaseState.COMPLETED && target != CaseState.WITHDRAWN;
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
        Instant dueAt = current.dueAt();
        if (target == CaseState.DELIVERED) {
            Deadlines.Clock clock = deadlines.start(current.item(), now);
            dueAt = clock.dueAt();
            change.set("deliveredAt", now).set("dueAt", dueAt).set("warnAt", clock.warnAt());
        }
        PlatformCase moved = new PlatformCase(current.id(), current.item(), current.mode(), current.requestingCenter(),
                current.handlingCenter(), target, current.submittedAt(), current.deliveredAt(), dueAt, null, null, null,
                now, List.of());
        change.emit(forward(received, sender, destination), lifecycle(moved, current.state(), target, now));
        Outcome outcome = writer.apply(change);
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("ILLEGAL_TRANSITION", "case " + current.id() + " cannot move to "
                    + target + " from " + cases.find(current.id()).map(PlatformCase::state).orElse(null));
        }
        if (outcome == Outcome.DUPLICATE) {
            log.info("case {}: event {} relayed before, ignored", current.id(), received.id());
        }
        return outcome;
    }

    private OutboxEvent forward(ReceivedEvent received, CenterCode sender, CenterCode destination) {
        return events.forward(received, Topics.centerInbound(destination), destination, sender.value());
    }

    private OutboxEvent lifecycle(PlatformCase c, CaseState from, CaseState to, Instant at) {
        return events.of(new CaseTransitioned(CaseId.of(c.id()), c.item(), c.mode(), c.requestingCenter(),
                c.handlingCenter(), from, to, at, c.dueAt()), Topics.PLATFORM_EVENTS, null, null);
    }
}
