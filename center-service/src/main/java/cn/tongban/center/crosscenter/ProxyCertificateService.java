package cn.tongban.center.crosscenter;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.certificate.CertificateDecision;
import cn.tongban.center.certificate.ContributionUseCertificatePolicy;
import cn.tongban.center.certificate.LoanRepaidCertificatePolicy;
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
import cn.tongban.contracts.proxy.CertificateHandedOver;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.ContributionUseCertificateIssued;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificateIssued;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Proxy handling (代收代办) of certificates — contribution-and-use (item 02) and loan fully repaid (item 07) —,
 * both sides of it:
 * the receiving center that takes the application at its counter and hands the certificate over, and the
 * home center that holds the account and issues or refuses.
 */
@Service
public class ProxyCertificateService {

    private static final Logger log = LoggerFactory.getLogger(ProxyCertificateService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CenterProperties center;
    private final CaseStore cases;
    private final AccountStore accounts;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final Clock clock;

    ProxyCertificateService(CenterProperties center, CaseStore cases, AccountStore accounts, OutboxWriter writer,
                            OutgoingEvents events, Clock clock) {
        this.center = center;
        this.cases = cases;
        this.accounts = accounts;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /** What the counter clerk submits after checking the applicant's identity and the form. */
    /**
     * @param item 02 (contribution-and-use certificate) or 07 (loan fully repaid)
     * @param lendingCity what the certificate is for (the city that will lend)
     */
    public record Application(ServiceItem item, CenterCode homeCenter, Applicant applicant, String lendingCity,
                              String clerk) {

        public Application {
            if (item != ServiceItem.CONTRIBUTION_USE_CERTIFICATE && item != ServiceItem.LOAN_REPAID_CERTIFICATE) {
                throw new IllegalArgumentException("item " + item.code() + " is not a certificate handled by proxy");
            }
        }
    }

    // ---- receiving center -------------------------------------------------------------------------------

    /** Opens the case and sends the request to the home center through the platform. */
    public CenterCase submit(Application application, String traceparent) {
        if (application.homeCenter().equals(center.code())) {
            throw ApiProblem.invalidField("homeCenter",
                    "the account is held here; use this center's own certificate service, not proxy handling");
        }
        if (!center.knows(application.homeCenter())) {
            throw ApiProblem.invalidField("homeCenter", "no center " + application.homeCenter() + " in the federation");
        }
        CaseId id = cases.nextId(center.code());
        Instant now = clock.instant();
        ProxyCertificateRequested request = new ProxyCertificateRequested(id, application.item(),
                center.code(), application.homeCenter(), application.applicant(), application.lendingCity(),
                application.clerk(), now);
        CenterCase opened = new CenterCase(id.value(), request.item(), HandlingMode.PROXY, CaseSide.REQUESTING,
                center.code(), application.homeCenter(), application.applicant(), application.lendingCity(),
                application.clerk(), CaseState.SUBMITTED, now, now,
                List.of(new CaseHistoryEntry(now, CaseState.SUBMITTED, ProxyCertificateRequested.TYPE.toString(),
                        application.clerk(), "受理并转交 " + application.homeCenter())),
                null, null, null, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, opened, null,
                List.of(events.of(request, Topics.RELAY_INBOUND, application.homeCenter(), traceparent)));
        if (outcome != Outcome.APPLIED) {
            throw new IllegalStateException("case number " + id + " was used twice: " + outcome);
        }
        log.info("case {} submitted to {} for {}", id, application.homeCenter(), application.applicant());
        return opened;
    }

    /** The clerk handed the certificate to the applicant: the case is complete here and at the others. */
    public CenterCase handOver(String caseId, String clerk) {
        CenterCase current = cases.find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + caseId));
        if (current.side() != CaseSide.REQUESTING) {
            throw ApiProblem.conflict("NOT_REQUESTING_CENTER", "only the center that received the application hands over");
        }
        Instant now = clock.instant();
        CertificateHandedOver handedOver = new CertificateHandedOver(CaseId.of(caseId), current.item(), center.code(),
                clerk, now);
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.RESULT_SENT))
                .set("state", CaseState.COMPLETED)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, CertificateHandedOver.TYPE.toString(),
                        clerk, "证明已交申请人"))
                .emit(events.of(handedOver, Topics.RELAY_INBOUND, current.handlingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("NOT_READY_FOR_HANDOVER",
                    "case " + caseId + " is " + current.state() + "; only an issued certificate can be handed over");
        }
        return cases.find(caseId).orElseThrow();
    }

    /** The home center's delivery receipt, acceptance, certificate or refusal reached us. */
    void onProgress(ReceivedEvent received, CaseState target, String note, Object... extraSets) {
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", CaseState.predecessorsOf(target))
                .set("state", target)
                .set("updatedAt", clock.instant())
                .push("history", new CaseHistoryEntry(clock.instant(), target, received.type(),
                        received.origin(), note));
        for (int i = 0; i < extraSets.length; i += 2) {
            change.set((String) extraSets[i], extraSets[i + 1]);
        }
        settle(received, writer.apply(change), target);
    }

    // ---- home center ------------------------------------------------------------------------------------

    /**
     * A request from another center's counter: look the account up, decide, and answer with the delivery
     * receipt and either acceptance plus certificate or a refusal, all in one atomic write.
     */
    void onRequested(ReceivedEvent received, ProxyCertificateRequested request) {
        if (!request.homeCenter().equals(center.code())) {
            throw new MalformedEventException("MISADDRESSED", "request for " + request.homeCenter() + " reached " + center.code());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        CenterCode requester = request.requestingCenter();
        CertificateDecision decision = accounts.findByIdentityNumber(request.applicant().identityNumber())
                .map(account -> decide(account, request, today))
                .orElseGet(ContributionUseCertificatePolicy::noAccount);

        List<CaseHistoryEntry> history = new ArrayList<>();
        List<OutboxEvent> outgoing = new ArrayList<>();
        history.add(new CaseHistoryEntry(now, CaseState.DELIVERED, CaseDelivered.TYPE.toString(), requester.value(), "已接收"));
        outgoing.add(events.of(new CaseDelivered(request.caseId(), request.item(), center.code(), now),
                Topics.RELAY_INBOUND, requester, received.traceparent()));
        CaseState finalState;
        ContributionUseCertificate certificate = null;
        LoanRepaidCertificate loanRepaidCertificate = null;
        Rejection rejection = null;
        CaseEvent result = null;
        String number = null;
        if (decision instanceof CertificateDecision.Issued issued) {
            certificate = issued.certificate();
            number = certificate.certificateNumber();
            result = new ContributionUseCertificateIssued(request.caseId(), request.item(), center.code(), certificate, now);
        } else if (decision instanceof CertificateDecision.LoanRepaidIssued issued) {
            loanRepaidCertificate = issued.certificate();
            number = loanRepaidCertificate.certificateNumber();
            result = new LoanRepaidCertificateIssued(request.caseId(), request.item(), center.code(), loanRepaidCertificate, now);
        }
        if (result != null) {
            history.add(new CaseHistoryEntry(now, CaseState.ACCEPTED, CaseAccepted.TYPE.toString(), center.code().value(), "已受理"));
            history.add(new CaseHistoryEntry(now, CaseState.RESULT_SENT, result.eventType().toString(),
                    center.code().value(), "已出具证明 " + number));
            outgoing.add(events.of(new CaseAccepted(request.caseId(), request.item(), center.code(), now),
                    Topics.RELAY_INBOUND, requester, received.traceparent()));
            outgoing.add(events.of(result, Topics.RELAY_INBOUND, requester, received.traceparent()));
            finalState = CaseState.RESULT_SENT;
        } else {
            CertificateDecision.Refused refused = (CertificateDecision.Refused) decision;
            history.add(new CaseHistoryEntry(now, CaseState.REJECTED, CaseRejected.TYPE.toString(), center.code().value(),
                    refused.reasonCode() + ": " + refused.reason()));
            outgoing.add(events.of(new CaseRejected(request.caseId(), request.item(), center.code(), refused.reasonCode(),
                    refused.reason(), now), Topics.RELAY_INBOUND, requester, received.traceparent()));
            finalState = CaseState.REJECTED;
            rejection = new Rejection(refused.reasonCode(), refused.reason());
        }
        CenterCase handled = new CenterCase(request.caseId().value(), request.item(), HandlingMode.PROXY, CaseSide.HANDLING,
                requester, center.code(), request.applicant(), request.lendingCity(), request.clerk(), finalState,
                now, now, history, certificate, loanRepaidCertificate, rejection, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, handled, received.id(), outgoing);
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("CASE_EXISTS", "case " + request.caseId() + " was already opened by another event");
        }
        log.info("case {} from {}: {}", request.caseId(), requester, outcome == Outcome.DUPLICATE ? "duplicate, ignored" : finalState);
    }

    private CertificateDecision decide(PersonalAccount account, ProxyCertificateRequested request, LocalDate today) {
        if (request.item() == ServiceItem.LOAN_REPAID_CERTIFICATE) {
            return LoanRepaidCertificatePolicy.decide(account, request.applicant().name(), center.code(), center.name(),
                    request.lendingCity(), "HQZM-" + request.caseId().value(), "自动出具", center.phone(), today);
        }
        return ContributionUseCertificatePolicy.decide(account, request.applicant().name(), center.code(), center.name(),
                request.lendingCity(), "JCSY-" + request.caseId().value(), "自动出具", center.phone(), today);
    }

    /** The receiving center handed the certificate over: our side is complete too. */
    void onHandedOver(ReceivedEvent received) {
        onProgress(received, CaseState.COMPLETED, "受理地已交申请人");
    }

    private void settle(ReceivedEvent received, Outcome outcome, CaseState target) {
        switch (outcome) {
            case APPLIED -> log.info("case {} is now {}", received.subject(), target);
            case DUPLICATE -> log.info("case {}: event {} seen before, ignored", received.subject(), received.id());
            case NOT_FOUND -> throw new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject() + " here");
            case CONFLICT -> throw new MalformedEventException("ILLEGAL_TRANSITION",
                    "case " + received.subject() + " cannot move to " + target + " from where it is");
        }
    }
}
