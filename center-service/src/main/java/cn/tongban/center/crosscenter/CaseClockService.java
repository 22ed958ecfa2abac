package cn.tongban.center.crosscenter;

import cn.tongban.center.CenterProperties;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.casefile.CaseDeadlineChanged;
import cn.tongban.contracts.casefile.CaseExtensionAgreed;
import cn.tongban.contracts.casefile.CaseExtensionDeclined;
import cn.tongban.contracts.casefile.CaseExtensionRequested;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.CaseSupplementRequested;
import cn.tongban.contracts.casefile.CaseSupplemented;
import cn.tongban.contracts.casefile.MaterialReference;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A case's clock as the two centers work it, for every cross-center item: the handling center asks for
 * missing materials (补正) and the requesting center supplies them as references to its scans; the handling
 * center asks for an extension (延期) and the requesting center agrees or declines, with its reason. Each
 * step moves this center's case, goes to the other center through the platform, and comes back as the
 * platform's new due date ({@link CaseDeadlineChanged}).
 */
@Service
public class CaseClockService {

    /** The event types this service applies when the platform forwards them. */
    static final Set<String> TYPES = Set.of(CaseSupplementRequested.TYPE.toString(), CaseSupplemented.TYPE.toString(),
            CaseExtensionRequested.TYPE.toString(), CaseExtensionAgreed.TYPE.toString(),
            CaseExtensionDeclined.TYPE.toString(), CaseDeadlineChanged.TYPE.toString());

    private final CenterProperties center;
    private final CaseStore cases;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final EventCodec codec;
    private final ProxyCertificateService progress;
    private final CaseNotices notices;
    private final Clock clock;

    CaseClockService(CenterProperties center, CaseStore cases, OutboxWriter writer, OutgoingEvents events,
                     EventCodec codec, ProxyCertificateService progress, CaseNotices notices, Clock clock) {
        this.center = center;
        this.cases = cases;
        this.writer = writer;
        this.events = events;
        this.codec = codec;
        this.progress = progress;
        this.notices = notices;
        this.clock = clock;
    }

    // ---- what staff do here ------------------------------------------------------------------------------

    /** The handling center asks for what is missing; the clock stops. */
    public CenterCase requestSupplement(String caseId, List<String> missing, String note, String staff) {
        CenterCase current = ours(caseId, CaseSide.HANDLING, "only the handling center asks for materials");
        Instant now = clock.instant();
        CaseSupplementRequested asked = new CaseSupplementRequested(CaseId.of(caseId), current.item(), center.code(),
                missing, note, now);
        List<CenterCase.SupplementRequest> supplements = new ArrayList<>(current.supplements());
        supplements.add(new CenterCase.SupplementRequest(asked.missing(), note, now, staff, List.of(), null, null));
        return move(current, CaseState.AWAITING_SUPPLEMENT, asked, staff, "请补正：" + String.join("、", missing),
                "supplements", supplements);
    }

    /** The requesting center supplies the materials asked for, as references; the clock runs again. */
    public CenterCase supply(String caseId, List<MaterialReference> materials, String staff) {
        CenterCase current = ours(caseId, CaseSide.REQUESTING, "only the requesting center supplies materials");
        CenterCase.SupplementRequest open = current.openSupplement().orElseThrow(() -> notNow(current, "no materials are awaited"));
        Instant now = clock.instant();
        CaseSupplemented supplied = new CaseSupplemented(CaseId.of(caseId), current.item(), center.code(), materials, now);
        return move(current, CaseState.SUPPLEMENTED, supplied, staff, "已补正 " + materials.size() + " 份材料",
                "supplements", replaceLast(current.supplements(), open.supplied(supplied.materials(), now, staff)));
    }

    /** The handling center asks for more working days, with its reason. */
    public CenterCase requestExtension(String caseId, int workingDays, String reason, String staff) {
        CenterCase current = ours(caseId, CaseSide.HANDLING, "only the handling center asks for an extension");
        Instant now = clock.instant();
        CaseExtensionRequested asked = new CaseExtensionRequested(CaseId.of(caseId), current.item(), center.code(),
                workingDays, reason, now);
        List<CenterCase.ExtensionRequest> extensions = new ArrayList<>(current.extensions());
        extensions.add(new CenterCase.ExtensionRequest(extensions.size() + 1, workingDays, reason, now, staff,
                null, null, null, null));
        return move(current, CaseState.EXTENSION_REQUESTED, asked, staff, "申请延期 " + workingDays + " 个工作日：" + reason,
                "extensions", extensions);
    }

    /** The requesting center agrees to or declines the extension asked for, with its reason. */
    public CenterCase answerExtension(String caseId, boolean agreed, String reason, String staff) {
        CenterCase current = ours(caseId, CaseSide.REQUESTING, "only the requesting center answers an extension request");
        CenterCase.ExtensionRequest open = current.openExtension().orElseThrow(() -> notNow(current, "no extension was asked for"));
        Instant now = clock.instant();
        CaseEvent answer = agreed
                ? new CaseExtensionAgreed(CaseId.of(caseId), current.item(), center.code(), open.workingDays(), reason, now)
                : new CaseExtensionDeclined(CaseId.of(caseId), current.item(), center.code(), reason, now);
        return move(current, agreed ? CaseState.EXTENSION_AGREED : CaseState.EXTENSION_DECLINED, answer, staff,
                (agreed ? "同意延期：" : "不同意延期：") + reason,
                "extensions", replaceLast(current.extensions(), open.answered(agreed, reason, now, staff)));
    }

    private CenterCase ours(String caseId, CaseSide side, String otherwise) {
        CenterCase current = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        if (current.side() != side) {
            throw ApiProblem.conflict(side == CaseSide.HANDLING ? "NOT_HANDLING_CENTER" : "NOT_REQUESTING_CENTER", otherwise);
        }
        return current;
    }

    private static ApiProblem notNow(CenterCase current, String why) {
        return ApiProblem.conflict("NOT_NOW", "case " + current.id() + " is " + current.state() + ": " + why);
    }

    /** This center's step: its case moves and the event leaves for the other center, in one write. */
    private CenterCase move(CenterCase current, CaseState target, CaseEvent step, String staff, String note,
                            String field, Object value) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, current.id())
                .whenIn("state", CaseState.predecessorsOf(target))
                .set("state", target)
                .set("updatedAt", now)
                .set(field, value)
                .push("history", new CaseHistoryEntry(now, target, step.eventType().toString(), staff, note))
                .emit(events.of(step, Topics.RELAY_INBOUND, current.counterpart(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw notNow(cases.find(current.id()).orElse(current), "it cannot move to " + target);
        }
        return cases.find(current.id()).orElseThrow();
    }

    private static <T> List<T> replaceLast(List<T> list, T last) {
        List<T> replaced = new ArrayList<>(list);
        replaced.set(replaced.size() - 1, last);
        return replaced;
    }

    // ---- what the other center did, forwarded by the platform --------------------------------------------

    void onEvent(ReceivedEvent received) {
        String type = received.type();
        if (type.equals(CaseDeadlineChanged.TYPE.toString())) {
            CaseDeadlineChanged changed = codec.caseEvent(received, CaseDeadlineChanged.class);
            boolean paused = changed.cause() == CaseDeadlineChanged.Cause.PAUSED;
            notices.onNotice(received, paused
                    ? "补正期间暂停计时，剩余 " + changed.remainingWorkingDays() + " 个工作日"
                    : "办理时限变更为 " + changed.dueAt(), "dueAt", paused ? null : changed.dueAt());
            return;
        }
        CenterCase current = cases.find(received.subject())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject() + " here"));
        String from = received.origin();
        if (type.equals(CaseSupplementRequested.TYPE.toString())) {
            CaseSupplementRequested asked = codec.caseEvent(received, CaseSupplementRequested.class);
            List<CenterCase.SupplementRequest> supplements = new ArrayList<>(current.supplements());
            supplements.add(new CenterCase.SupplementRequest(asked.missing(), asked.note(), asked.requestedAt(), from,
                    List.of(), null, null));
            progress.onProgress(received, CaseState.AWAITING_SUPPLEMENT, "办理地要求补正：" + String.join("、", asked.missing()),
                    "supplements", supplements);
        } else if (type.equals(CaseSupplemented.TYPE.toString())) {
            CaseSupplemented supplied = codec.caseEvent(received, CaseSupplemented.class);
            progress.onProgress(received, CaseState.SUPPLEMENTED, "受理地已补正 " + supplied.materials().size() + " 份材料",
                    "supplements", current.openSupplement().map(open -> replaceLast(current.supplements(),
                            open.supplied(supplied.materials(), supplied.supplementedAt(), from))).orElse(current.supplements()));
        } else if (type.equals(CaseExtensionRequested.TYPE.toString())) {
            CaseExtensionRequested asked = codec.caseEvent(received, CaseExtensionRequested.class);
            List<CenterCase.ExtensionRequest> extensions = new ArrayList<>(current.extensions());
            extensions.add(new CenterCase.ExtensionRequest(extensions.size() + 1, asked.workingDays(), asked.reason(),
                    asked.requestedAt(), from, null, null, null, null));
            progress.onProgress(received, CaseState.EXTENSION_REQUESTED,
                    "办理地申请延期 " + asked.workingDays() + " 个工作日：" + asked.reason(), "extensions", extensions);
        } else if (type.equals(CaseExtensionAgreed.TYPE.toString())) {
            CaseExtensionAgreed agreed = codec.caseEvent(received, CaseExtensionAgreed.class);
            progress.onProgress(received, CaseState.EXTENSION_AGREED, "受理地同意延期：" + agreed.reason(),
                    "extensions", answered(current, true, agreed.reason(), agreed.agreedAt(), from));
        } else if (type.equals(CaseExtensionDeclined.TYPE.toString())) {
            CaseExtensionDeclined declined = codec.caseEvent(received, CaseExtensionDeclined.class);
            progress.onProgress(received, CaseState.EXTENSION_DECLINED, "受理地不同意延期：" + declined.reason(),
                    "extensions", answered(current, false, declined.reason(), declined.declinedAt(), from));
        } else {
            throw new MalformedEventException("UNKNOWN_TYPE", "the case clock does not handle " + type);
        }
    }

    private static List<CenterCase.ExtensionRequest> answered(CenterCase current, boolean agreed, String reason,
                                                             Instant at, String by) {
        return current.openExtension().map(open -> replaceLast(current.extensions(), open.answered(agreed, reason, at, by)))
                .orElse(current.extensions());
    }
}
