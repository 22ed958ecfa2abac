package cn.tongban.center.catalogue;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseRejected;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.item.ItemCompleted;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.contracts.item.ItemResultSent;
import cn.tongban.contracts.joint.MaterialReference;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The generic flow of a catalogue item handled across centers (跨省通办事项), both sides of it. The requesting center
 * (受理地) opens the case and sends the request; the handling center (办理地) answers at once with its delivery
 * receipt and — by the item's {@link ItemHandler} — the result with its receipt, a refusal, or an acceptance whose
 * outcome is still open, all in one atomic write with the events it emits; the requesting center then completes it
 * with the person. Proxy handling (代收代办) and two-place joint handling (两地联办) differ only in who does what before
 * the request is sent and in the handler; the flow is the same (docs/adr/0011).
 */
@Service
public class ItemCaseService {

    private static final Logger log = LoggerFactory.getLogger(ItemCaseService.class);
    private static final int SWEEP_BATCH = 50;

    private final CenterProperties center;
    private final CaseStore cases;
    private final ItemHandlers handlers;
    private final MongoOperations mongo;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final Clock clock;

    ItemCaseService(CenterProperties center, CaseStore cases, ItemHandlers handlers, MongoOperations mongo,
                    OutboxWriter writer, OutgoingEvents events, Clock clock) {
        this.center = center;
        this.cases = cases;
        this.handlers = handlers;
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        mongo.indexOps(CaseStore.COLLECTION).createIndex(new Index().on("pending", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).named("item_pending"));
    }

    /**
     * What the requesting center's clerk submits.
     *
     * @param form the item's fields, as its handler at the other center reads them
     * @param clerk who received the application
     */
    public record Submission(ServiceItem item, HandlingMode mode, CenterCode handlingCenter, Applicant applicant,
                             Map<String, String> form, List<MaterialReference> materials, String clerk) {
    }

    // ---- requesting center ------------------------------------------------------------------------------

    /** Opens the case here and sends the request to the handling center through the platform. */
    public ItemCase submit(Submission submission, String traceparent) {
        ServiceItem item = submission.item();
        if (submission.mode() == HandlingMode.FULLY_ONLINE || !item.modes().contains(submission.mode())) {
            throw ApiProblem.badRequest("ITEM_NOT_IN_MODE", "事项 " + item.code() + "（" + item.chineseName() + "）不以 "
                    + submission.mode() + " 方式跨中心办理");
        }
        CenterCode handling = submission.handlingCenter();
        if (handling.equals(center.code())) {
            throw ApiProblem.invalidField("handlingCenter", "the account is held here; handle it at this center");
        }
        if (!center.knows(handling)) {
            throw ApiProblem.invalidField("handlingCenter", "no center " + handling + " in the federation");
        }
        CaseId id = cases.nextId(center.code());
        Instant now = clock.instant();
        ItemRequested request = new ItemRequested(id, item, submission.mode(), center.code(), handling,
                submission.applicant(), submission.form(), submission.materials(), submission.clerk(), now);
        ItemCase opened = new ItemCase(id.value(), item, submission.mode(), CaseSide.REQUESTING, center.code(), handling,
                submission.applicant(), submission.clerk(), CaseState.SUBMITTED, now, now,
                List.of(new CaseHistoryEntry(now, CaseState.SUBMITTED, ItemRequested.TYPE.toString(), submission.clerk(),
                        "受理并转交 " + handling)),
                request.form(), request.materials(), null, null, null, false, null, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, opened, null,
                List.of(events.of(request, Topics.RELAY_INBOUND, handling, traceparent)));
        if (outcome != Outcome.APPLIED) {
            throw new IllegalStateException("case number " + id + " was used twice: " + outcome);
        }
        log.info("case {} (item {}, {}) submitted to {}", id, item.code(), submission.mode(), handling);
        return opened;
    }

    /** The handling center's result and receipt reached us. */
    void onResult(ReceivedEvent received, ItemResultSent sent) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", CaseState.predecessorsOf(CaseState.RESULT_SENT))
                .set("state", CaseState.RESULT_SENT)
                .set("result", sent.result())
                .set("receiptNumber", sent.receiptNumber())
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.RESULT_SENT, received.type(), received.origin(),
                        "办理地已办理，回执 " + sent.receiptNumber()));
        settle(received, writer.apply(change), CaseState.RESULT_SENT);
    }

    /** The clerk has told the person the outcome and filed the receipt: the case is complete everywhere. */
    public ItemCase complete(String caseId, String clerk) {
        ItemCase current = find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        if (current.side() != CaseSide.REQUESTING) {
            throw ApiProblem.conflict("NOT_REQUESTING_CENTER", "only the center that received the application completes it");
        }
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.RESULT_SENT))
                .set("state", CaseState.COMPLETED)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, ItemCompleted.TYPE.toString(), clerk,
                        "已告知申请人办理结果，办结"))
                .emit(events.of(new ItemCompleted(CaseId.of(caseId), current.item(), center.code(), clerk, now),
                        Topics.RELAY_INBOUND, current.handlingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("NOT_READY_TO_COMPLETE",
                    "case " + caseId + " is " + current.state() + "; only a case with its result can be completed");
        }
        return find(caseId).orElseThrow();
    }

    // ---- handling center --------------------------------------------------------------------------------

    /**
     * A request from another center: the handler for the item decides and does its part, and the answer — delivery
     * receipt, then result, refusal or acceptance — is written with the case in one atomic write. A request seen
     * before changes nothing (the handler is not asked again).
     */
    void onRequested(ReceivedEvent received, ItemRequested request) {
        if (!request.handlingCenter().equals(center.code())) {
            throw new MalformedEventException("MISADDRESSED", "request for " + request.handlingCenter() + " reached " + center.code());
        }
        Optional<ItemCase> existing = find(request.caseId().value());
        if (existing.isPresent()) {
            log.info("case {}: request {} seen before, ignored", request.caseId(), received.id());
            if (!mongo.exists(Query.query(Criteria.where("_id").is(request.caseId().value())
                    .and(AtomicChange.HANDLED_EVENTS).is(received.id())), CaseStore.COLLECTION)) {
                throw new MalformedEventException("CASE_EXISTS", "case " + request.caseId() + " was already opened by another event");
            }
            return;
        }
        Instant now = clock.instant();
        ItemAnswer answer = answer(request);
        CenterCode requester = request.requestingCenter();
        List<CaseHistoryEntry> history = new ArrayList<>();
        List<OutboxEvent> outgoing = new ArrayList<>();
        history.add(new CaseHistoryEntry(now, CaseState.DELIVERED, CaseDelivered.TYPE.toString(), requester.value(), "已接收"));
        outgoing.add(events.of(new CaseDelivered(request.caseId(), request.item(), center.code(), now),
                Topics.RELAY_INBOUND, requester, received.traceparent()));
        CaseState state;
        Map<String, String> result = null;
        String receipt = null;
        Rejection rejection = null;
        if (answer instanceof ItemAnswer.Refused refused) {
            state = CaseState.REJECTED;
            rejection = new Rejection(refused.reasonCode(), refused.reason());
            history.add(rejected(now, refused));
            outgoing.add(rejection(request.caseId(), request.item(), requester, refused, now, received.traceparent()));
        } else {
            history.add(new CaseHistoryEntry(now, CaseState.ACCEPTED, CaseAccepted.TYPE.toString(), center.code().value(), "已受理"));
            outgoing.add(events.of(new CaseAccepted(request.caseId(), request.item(), center.code(), now),
                    Topics.RELAY_INBOUND, requester, received.traceparent()));
            if (answer instanceof ItemAnswer.Done done) {
                state = CaseState.RESULT_SENT;
                result = done.result();
                receipt = done.receiptNumber();
                history.add(resultSent(now, done));
                outgoing.add(result(request.caseId(), request.item(), requester, done, now, received.traceparent()));
            } else {
                state = CaseState.ACCEPTED;
                history.add(new CaseHistoryEntry(now, null, "pending", center.code().value(), ((ItemAnswer.Pending) answer).note()));
            }
        }
        ItemCase handled = new ItemCase(request.caseId().value(), request.item(), request.mode(), CaseSide.HANDLING,
                requester, center.code(), request.applicant(), request.clerk(), state, now, now, history, request.form(),
                request.materials(), result, receipt, rejection, answer instanceof ItemAnswer.Pending, null, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, handled, received.id(), outgoing);
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("CASE_EXISTS", "case " + request.caseId() + " was already opened by another event");
        }
        log.info("case {} (item {}) from {}: {}", request.caseId(), request.item().code(), requester,
                outcome == Outcome.DUPLICATE ? "duplicate, ignored" : state);
    }

    /** The requesting center completed the case: ours is complete too. */
    void onCompleted(ReceivedEvent received) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", CaseState.predecessorsOf(CaseState.COMPLETED))
                .set("state", CaseState.COMPLETED)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, received.type(), received.origin(),
                        "受理地已办结"));
        settle(received, writer.apply(change), CaseState.COMPLETED);
    }

    /**
     * Takes up the cases accepted here whose outcome was open (a department did not answer, the bank has not
     * settled): asks their handler again and sends the result or the refusal once it is known.
     *
     * @return how many were answered
     */
    @Scheduled(initialDelayString = "${tongban.catalogue.pending-sweep-interval:30s}",
            fixedDelayString = "${tongban.catalogue.pending-sweep-interval:30s}")
    public int answerPending() {
        Query open = Query.query(Criteria.where("pending").is(true).and("state").is(CaseState.ACCEPTED.name()))
                .limit(SWEEP_BATCH);
        int answered = 0;
        for (ItemCase pending : mongo.find(open, ItemCase.class, CaseStore.COLLECTION)) {
            if (pending.side() == CaseSide.HANDLING && answerPending(pending)) {
                answered++;
            }
        }
        return answered;
    }

    private boolean answerPending(ItemCase pending) {
        ItemRequested request = new ItemRequested(CaseId.of(pending.id()), pending.item(), pending.mode(),
                pending.requestingCenter(), pending.handlingCenter(), pending.applicant(), pending.form(),
                pending.materials(), pending.clerk(), pending.openedAt());
        ItemAnswer answer = answer(request);
        if (answer instanceof ItemAnswer.Pending) {
            return false;
        }
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, pending.id())
                .whenIn("state", List.of(CaseState.ACCEPTED))
                .whenIn("pending", List.of(true))
                .set("pending", false)
                .set("updatedAt", now);
        if (answer instanceof ItemAnswer.Done done) {
            change.set("state", CaseState.RESULT_SENT).set("result", done.result()).set("receiptNumber", done.receiptNumber())
                    .push("history", resultSent(now, done))
                    .emit(result(request.caseId(), request.item(), request.requestingCenter(), done, now, null));
        } else {
            ItemAnswer.Refused refused = (ItemAnswer.Refused) answer;
            change.set("state", CaseState.REJECTED).set("rejection", new Rejection(refused.reasonCode(), refused.reason()))
                    .push("history", rejected(now, refused))
                    .emit(rejection(request.caseId(), request.item(), request.requestingCenter(), refused, now, null));
        }
        return writer.apply(change) == Outcome.APPLIED;
    }

    private ItemAnswer answer(ItemRequested request) {
        Optional<ItemHandler> handler = handlers.of(request.item());
        if (handler.isEmpty()) {
            return ItemAnswer.refused("ITEM_NOT_HANDLED", center.name() + "不办理事项 " + request.item().code() + "（"
                    + request.item().chineseName() + "）");
        }
        try {
            return handler.get().handle(request);
        } catch (DepartmentException e) {
            log.warn("case {}: {} did not answer ({}); left pending", request.caseId(), e.department(), e.reasonCode());
            return ItemAnswer.pending("待外部部门答复（" + e.reason() + "），稍后自动续办");
        }
    }

    // ---- paper materials by mail ------------------------------------------------------------------------

    /** The center holding the paper sent it by mail. */
    public ItemCase mailed(String caseId, String carrier, String trackingNumber, String clerk) {
        ItemCase current = find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        if (current.mailings().stream().anyMatch(m -> m.trackingNumber().equals(trackingNumber))) {
            return current;
        }
        Instant now = clock.instant();
        return track(current, AtomicChange.of(CaseStore.COLLECTION, caseId).set("updatedAt", now)
                .push("mailings", new PaperMailing(carrier, trackingNumber, now, clerk, null, null))
                .push("history", new CaseHistoryEntry(now, null, "paper-mailed", clerk,
                        "纸质材料已邮寄：" + carrier + " " + trackingNumber)));
    }

    /** The parcel with the paper arrived here; signed for by {@code clerk}. */
    public ItemCase received(String caseId, String carrier, String trackingNumber, String clerk) {
        ItemCase current = find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        if (current.mailings().stream().anyMatch(m -> m.trackingNumber().equals(trackingNumber) && m.receivedAt() != null)) {
            return current;
        }
        Instant now = clock.instant();
        return track(current, AtomicChange.of(CaseStore.COLLECTION, caseId).set("updatedAt", now)
                .push("mailings", new PaperMailing(carrier, trackingNumber, null, null, now, clerk))
                .push("history", new CaseHistoryEntry(now, null, "paper-received", clerk,
                        "纸质材料已签收：" + carrier + " " + trackingNumber)));
    }

    private ItemCase track(ItemCase current, AtomicChange change) {
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("CASE_CHANGED", "case " + current.id() + " changed meanwhile; try again");
        }
        return find(current.id()).orElseThrow();
    }

    // ---- shared ---------------------------------------------------------------------------------------

    public Optional<ItemCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ItemCase.class, CaseStore.COLLECTION));
    }

    private CaseHistoryEntry rejected(Instant now, ItemAnswer.Refused refused) {
        return new CaseHistoryEntry(now, CaseState.REJECTED, CaseRejected.TYPE.toString(), center.code().value(),
                refused.reasonCode() + ": " + refused.reason());
    }

    private CaseHistoryEntry resultSent(Instant now, ItemAnswer.Done done) {
        return new CaseHistoryEntry(now, CaseState.RESULT_SENT, ItemResultSent.TYPE.toString(), center.code().value(),
                "已办理，回执 " + done.receiptNumber());
    }

    private OutboxEvent rejection(CaseId caseId, ServiceItem item, CenterCode to, ItemAnswer.Refused refused, Instant now,
                                  String traceparent) {
        return events.of(new CaseRejected(caseId, item, center.code(), refused.reasonCode(), refused.reason(), now),
                Topics.RELAY_INBOUND, to, traceparent);
    }

    private OutboxEvent result(CaseId caseId, ServiceItem item, CenterCode to, ItemAnswer.Done done, Instant now,
                               String traceparent) {
        return events.of(new ItemResultSent(caseId, item, center.code(), done.result(), done.receiptNumber(), now),
                Topics.RELAY_INBOUND, to, traceparent);
    }

    private static void settle(ReceivedEvent received, Outcome outcome, CaseState target) {
        switch (outcome) {
            case APPLIED -> log.info("case {} is now {}", received.subject(), target);
            case DUPLICATE -> log.info("case {}: event {} seen before, ignored", received.subject(), received.id());
            case NOT_FOUND -> throw new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject() + " here");
            case CONFLICT -> throw new MalformedEventException("ILLEGAL_TRANSITION",
                    "case " + received.subject() + " cannot move to " + target + " from where it is");
        }
    }
}
