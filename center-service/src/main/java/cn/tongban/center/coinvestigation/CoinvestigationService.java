package cn.tongban.center.coinvestigation;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.coinvestigation.CoinvestigationAnswered;
import cn.tongban.contracts.coinvestigation.CoinvestigationClosed;
import cn.tongban.contracts.coinvestigation.CoinvestigationItem;
import cn.tongban.contracts.coinvestigation.CoinvestigationRequested;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Information co-investigation (信息协查), both sides. The investigating center answers the receipt and the acceptance
 * at once, in one write with the case, so that the platform's clock runs from delivery; its staff answer; the asking
 * center records the answer and closes the case in one write with the closing event. Every step is conditional on the
 * state and idempotent on the event id, so a redelivered event changes nothing.
 */
@Service
public class CoinvestigationService {

    private static final Logger log = LoggerFactory.getLogger(CoinvestigationService.class);

    private final CenterProperties center;
    private final CaseStore cases;
    private final MongoOperations mongo;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final Clock clock;

    CoinvestigationService(CenterProperties center, CaseStore cases, MongoOperations mongo, OutboxWriter writer,
                           OutgoingEvents events, Clock clock) {
        this.center = center;
        this.cases = cases;
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /** What the asking center's staff send: about a person or an employer, what to check and why. */
    public record Request(CenterCode investigatingCenter, IdentityNumber identityNumber, CreditCode creditCode,
                          String subjectName, String question, String purpose, String clerk) {
    }

    /** Sends the request through the platform. */
    public Coinvestigation request(Request request, String traceparent) {
        CenterCode other = request.investigatingCenter();
        if (other.equals(center.code())) {
            throw ApiProblem.invalidField("investigatingCenter", "a co-investigation goes to another center");
        }
        if (!center.knows(other)) {
            throw ApiProblem.invalidField("investigatingCenter", "no center " + other + " in the federation");
        }
        CaseId id = cases.nextId(center.code());
        Instant now = clock.instant();
        CoinvestigationRequested event;
        try {
            if ((request.identityNumber() == null) == (request.creditCode() == null)) {
                throw new IllegalArgumentException("a co-investigation is about one person (identityNumber) or one"
                        + " employer (creditCode)");
            }
            event = request.identityNumber() != null
                    ? new CoinvestigationRequested(id, center.code(), other, CoinvestigationRequested.Subject.PERSON,
                    request.identityNumber().value(), request.subjectName(), request.question(), request.purpose(),
                    request.clerk(), now)
                    : new CoinvestigationRequested(id, center.code(), other, CoinvestigationRequested.Subject.EMPLOYER,
                    request.creditCode().value(), request.subjectName(), request.question(), request.purpose(),
                    request.clerk(), now);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_COINVESTIGATION", e.getMessage());
        }
        Coinvestigation opened = new Coinvestigation(id.value(), CoinvestigationItem.INFORMATION_COINVESTIGATION,
                HandlingMode.JOINT, CaseSide.REQUESTING, center.code(), other, Coinvestigation.KIND,
                Coinvestigation.applicantOf(request.identityNumber(), request.subjectName()), request.identityNumber(),
                request.creditCode(), request.subjectName(), request.question(), request.purpose(),
                request.clerk(), CaseState.SUBMITTED, now, now, List.of(new CaseHistoryEntry(now, CaseState.SUBMITTED,
                CoinvestigationRequested.TYPE.toString(), request.clerk(), "向 " + other + " 发起协查：" + request.question())),
                null, null, null, null, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, opened, null,
                List.of(events.of(event, Topics.RELAY_INBOUND, other, traceparent)));
        if (outcome != Outcome.APPLIED) {
            throw new IllegalStateException("case number " + id + " was used twice: " + outcome);
        }
        return opened;
    }

    /** A request arrived: receipt and acceptance at once; the clock of the answer runs. */
    void onRequested(ReceivedEvent received, CoinvestigationRequested request) {
        if (!request.investigatingCenter().equals(center.code())) {
            throw new MalformedEventException("MISADDRESSED", "co-investigation for " + request.investigatingCenter()
                    + " reached " + center.code());
        }
        if (find(request.caseId().value()).isPresent()) {
            log.info("co-investigation {}: request {} seen before, ignored", request.caseId(), received.id());
            return;
        }
        Instant now = clock.instant();
        CenterCode asker = request.requestingCenter();
        boolean person = request.subject() == CoinvestigationRequested.Subject.PERSON;
        IdentityNumber identityNumber = person ? IdentityNumber.of(request.subjectId()) : null;
        CreditCode creditCode = person ? null : CreditCode.of(request.subjectId());
        Coinvestigation arrived = new Coinvestigation(request.caseId().value(), CoinvestigationItem.INFORMATION_COINVESTIGATION,
                HandlingMode.JOINT, CaseSide.HANDLING, asker, center.code(), Coinvestigation.KIND,
                Coinvestigation.applicantOf(identityNumber, request.subjectName()), identityNumber, creditCode,
                request.subjectName(), request.question(), request.purpose(), request.clerk(),
                CaseState.ACCEPTED, now, now, List.of(
                new CaseHistoryEntry(now, CaseState.DELIVERED, CaseDelivered.TYPE.toString(), asker.value(), "收到协查请求"),
                new CaseHistoryEntry(now, CaseState.ACCEPTED, CaseAccepted.TYPE.toString(), center.code().value(), "已受理，待核查答复")),
                null, null, null, null, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, arrived, received.id(), List.of(
                events.of(new CaseDelivered(request.caseId(), CoinvestigationItem.INFORMATION_COINVESTIGATION, center.code(), now),
                        Topics.RELAY_INBOUND, asker, received.traceparent()),
                events.of(new CaseAccepted(request.caseId(), CoinvestigationItem.INFORMATION_COINVESTIGATION, center.code(), now),
                        Topics.RELAY_INBOUND, asker, received.traceparent())));
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("CASE_EXISTS", "case " + request.caseId() + " was already opened by another event");
        }
    }

    /** The investigating center's staff answer. */
    public Coinvestigation answer(String caseId, Boolean confirmed, String finding, String staff) {
        Coinvestigation current = require(caseId);
        if (current.side() != CaseSide.HANDLING) {
            throw ApiProblem.conflict("NOT_INVESTIGATING_CENTER", "only the center asked answers a co-investigation");
        }
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.ACCEPTED))
                .set("state", CaseState.RESULT_SENT)
                .set("confirmed", confirmed)
                .set("finding", finding)
                .set("answeredBy", staff)
                .set("answeredAt", now)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.RESULT_SENT, CoinvestigationAnswered.TYPE.toString(),
                        staff, "已答复" + (current.breached() ? "（已超时）" : "") + "：" + finding))
                .emit(events.of(new CoinvestigationAnswered(CaseId.of(caseId), center.code(), confirmed, finding, staff, now),
                        Topics.RELAY_INBOUND, current.requestingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("ALREADY_ANSWERED", "co-investigation " + caseId + " is " + require(caseId).state());
        }
        return require(caseId);
    }

    /** The answer arrived: record it and close the case, here and at the other center. */
    void onAnswered(ReceivedEvent received, CoinvestigationAnswered answered) {
        Coinvestigation current = find(received.subject())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_CASE", "no co-investigation " + received.subject()));
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, current.id())
                .handling(received.id())
                .whenIn("state", List.of(CaseState.SUBMITTED, CaseState.DELIVERED, CaseState.ACCEPTED))
                .set("state", CaseState.COMPLETED)
                .set("confirmed", answered.confirmed())
                .set("finding", answered.finding())
                .set("answeredBy", answered.answeredBy())
                .set("answeredAt", answered.answeredAt())
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.RESULT_SENT, received.type(), received.origin(),
                        "协查结果：" + answered.finding()))
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, CoinvestigationClosed.TYPE.toString(),
                        center.code().value(), "协查办结"))
                .emit(events.of(new CoinvestigationClosed(CaseId.of(current.id()), center.code(), now),
                        Topics.RELAY_INBOUND, current.handlingCenter(), received.traceparent()));
        settle(received, writer.apply(change));
    }

    /** The asking center closed it. */
    void onClosed(ReceivedEvent received) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", List.of(CaseState.RESULT_SENT))
                .set("state", CaseState.COMPLETED)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, received.type(), received.origin(), "协查办结"));
        settle(received, writer.apply(change));
    }

    public Optional<Coinvestigation> find(String caseId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(caseId).and("kind").is(Coinvestigation.KIND)),
                Coinvestigation.class, CaseStore.COLLECTION));
    }

    /** This center's co-investigations, either side; only the overdue ones when {@code breachedOnly}. */
    public List<Coinvestigation> list(boolean breachedOnly) {
        return mongo.find(Query.query(Criteria.where("kind").is(Coinvestigation.KIND)), Coinvestigation.class, CaseStore.COLLECTION)
                .stream().filter(c -> !breachedOnly || c.breached())
                .sorted((a, b) -> b.openedAt().compareTo(a.openedAt())).toList();
    }

    private Coinvestigation require(String caseId) {
        return find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_COINVESTIGATION", "no co-investigation " + caseId));
    }

    private static void settle(ReceivedEvent received, Outcome outcome) {
        switch (outcome) {
            case APPLIED, DUPLICATE -> log.info("co-investigation {}: {} {}", received.subject(), received.type(), outcome);
            case NOT_FOUND -> throw new MalformedEventException("UNKNOWN_CASE", "no co-investigation " + received.subject());
            case CONFLICT -> throw new MalformedEventException("ILLEGAL_TRANSITION",
                    "co-investigation " + received.subject() + " cannot take " + received.type() + " where it is");
        }
    }
}
