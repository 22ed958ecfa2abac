package cn.tongban.center.transfer;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountPosting;
import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.InterestSettlement;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.ledger.Posting;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.Decision;
import cn.tongban.center.policy.PolicyVersion;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseRejected;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import cn.tongban.contracts.transfer.TransferApplied;
import cn.tongban.contracts.transfer.TransferCancelled;
import cn.tongban.contracts.transfer.TransferCredited;
import cn.tongban.contracts.transfer.TransferItem;
import cn.tongban.contracts.transfer.TransferOutFacts;
import cn.tongban.contracts.transfer.TransferredOut;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Account transfer between centers (异地转移接续), both sides of it.
 *
 * <p>The new center (转入地) issues the contact letter and sends the application; it may cancel until the old center
 * accepted. The old center (转出地) checks the letter on arrival (delivered, 01, or refused, 13), its staff accept (02)
 * or refuse (13); on acceptance it settles interest to the transfer day, posts the transfer-out entry and closes the
 * account in one single-document write, pays the money bank to bank at most once, and sends the facts and the history
 * once the bank settled. The new center posts the transfer-in entry and ends the case (00). Every ledger entry is keyed
 * on the contact letter ({@link TransferOut}), so a redelivered event or a retried step never doubles.
 */
@Service
public class TransferService {

    private static final Logger log = LoggerFactory.getLogger(TransferService.class);
    private static final int SWEEP_BATCH = 50;

    private final CenterProperties center;
    private final TransferProperties settings;
    private final CaseStore cases;
    private final ContactLetters letters;
    private final AccountStore accounts;
    private final CenterPolicy policy;
    private final TransferPayments payments;
    private final MongoOperations mongo;
    private final OutboxWriter writer;
    private final OutgoingEvents events;
    private final Clock clock;

    TransferService(CenterProperties center, TransferProperties settings, CaseStore cases, ContactLetters letters,
                    AccountStore accounts, CenterPolicy policy, TransferPayments payments, MongoOperations mongo,
                    OutboxWriter writer, OutgoingEvents events, Clock clock) {
        this.center = center;
        this.settings = settings;
        this.cases = cases;
        this.letters = letters;
        this.accounts = accounts;
        this.policy = policy;
        this.payments = payments;
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        mongo.indexOps(CaseStore.COLLECTION).createIndex(new Index().on("transferOpen", Sort.Direction.ASC).named("transfer_open"));
        mongo.indexOps(CaseStore.COLLECTION).createIndex(new Index().on("contactLetter", Sort.Direction.ASC).named("contact_letter"));
    }

    /**
     * What the new center's staff submit for a person who arrived.
     *
     * @param oldAccountNumber the account at the old center if the person knows it, else {@code null}
     */
    public record Application(CenterCode oldCenter, Applicant applicant, String newAccountNumber,
                              String oldAccountNumber, String clerk) {
    }

    // ---- new center (转入地) -----------------------------------------------------------------------------------

    /** Issues the contact letter and sends the transfer-in application (转入申请) through the platform. */
    public TransferCase apply(Application application, String traceparent) {
        CenterCode old = application.oldCenter();
        if (old.equals(center.code())) {
            throw ApiProblem.invalidField("oldCenter", "a transfer within this center is an internal transfer (内部转移)");
        }
        if (!center.knows(old)) {
            throw ApiProblem.invalidField("oldCenter", "no center " + old + " in the federation");
        }
        PersonalAccount target = accounts.findByAccountNumber(application.newAccountNumber())
                .filter(a -> a.identityNumber().equals(application.applicant().identityNumber()))
                .orElseThrow(() -> ApiProblem.invalidField("newAccountNumber",
                        "no account " + application.newAccountNumber() + " of this person at this center"));
        if (target.state().isClosed()) {
            throw ApiProblem.conflict("ACCOUNT_CLOSED", "个人账户 " + target.accountNumber() + " 已销户，不能转入");
        }
        CaseId id = cases.nextId(center.code());
        ContactLetterNumber letter = letters.next(center.code());
        Instant now = clock.instant();
        TransferApplied applied = new TransferApplied(id, letter, center.code(), old, application.applicant(),
                target.accountNumber(), blankToNull(application.oldAccountNumber()), settings.settlementAccount(),
                settings.settlementAccountName(), application.clerk(), now);
        TransferCase opened = new TransferCase(id.value(), TransferItem.ACCOUNT_TRANSFER, HandlingMode.JOINT,
                CaseSide.REQUESTING, center.code(), old, application.applicant(), application.clerk(), CaseState.SUBMITTED,
                now, now, List.of(new CaseHistoryEntry(now, CaseState.SUBMITTED, TransferApplied.TYPE.toString(),
                application.clerk(), "出具联系函 " + letter + "，向 " + old + " 申请转入")), null, null, null,
                TransferCase.KIND, letter.value(), target.accountNumber(), applied.oldAccountNumber(),
                settings.settlementAccount(), settings.settlementAccountName(), false, null, null, null, null, false,
                false, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, opened, null,
                List.of(events.of(applied, Topics.RELAY_INBOUND, old, traceparent)));
        if (outcome != Outcome.APPLIED) {
            throw new IllegalStateException("case number " + id + " was used twice: " + outcome);
        }
        log.info("transfer {} (letter {}) applied for at {}", id, letter, old);
        return opened;
    }

    /** Cancels the application (转入撤销); only until the old center accepted it. */
    public TransferCase cancel(String caseId, String reason, String clerk) {
        TransferCase current = require(caseId);
        if (!current.isNewCenter()) {
            throw ApiProblem.conflict("NOT_NEW_CENTER", "only the new center (转入地) cancels its application");
        }
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.SUBMITTED, CaseState.DELIVERED))
                .set("state", CaseState.WITHDRAWN)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.WITHDRAWN, TransferCancelled.TYPE.toString(), clerk,
                        "转入撤销：" + reason))
                .emit(events.of(new TransferCancelled(CaseId.of(caseId), current.letter(), center.code(), reason, clerk, now),
                        Topics.RELAY_INBOUND, current.handlingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("CANCEL_TOO_LATE", "联系函 " + current.contactLetter() + " 当前状态为 "
                    + require(caseId).status().chinese() + "，转出地确认接收后不能撤销");
        }
        return require(caseId);
    }

    /**
     * The old center's facts and money arrived: post the transfer-in entry (外部转入) to the person's account, keyed on
     * the contact letter, and end the case. A refused posting (the account closed meanwhile) leaves the case with its
     * facts for staff, status 08.
     */
    void onTransferredOut(ReceivedEvent received, TransferredOut out) {
        TransferCase current = find(received.subject())
                .orElseThrow(() -> new MalformedEventException("UNKNOWN_CASE", "no transfer " + received.subject() + " here"));
        if (!current.isNewCenter() || !current.contactLetter().equals(out.contactLetter().value())) {
            throw new MalformedEventException("NOT_OUR_LETTER", "transfer-out of letter " + out.contactLetter()
                    + " does not match case " + current.id());
        }
        Money amount = out.facts().amount();
        AccountPosting posting = accounts.post(current.newAccountNumber(), LedgerEntry.credit(
                TransferOut.inSerial(out.contactLetter()), today(), BusinessType.TRANSFER_IN, amount),
                account -> account.state().isClosed()
                        ? Optional.of(new AccountPosting.Refused(TransferOutPolicy.ACCOUNT_CLOSED, "转入账户已销户"))
                        : Optional.empty(),
                account -> new Update());
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, current.id())
                .handling(received.id())
                .whenIn("state", List.of(CaseState.ACCEPTED, CaseState.DELIVERED, CaseState.SUBMITTED))
                .set("facts", out.facts())
                .set("transferredHistory", out.history())
                .set("instructionId", out.instructionId())
                .set("bankReference", out.bankReference())
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.RESULT_SENT, received.type(), received.origin(),
                        "转出地已转出 " + amount + " 元（本金 " + out.facts().principal() + "，利息 " + out.facts().interest()
                                + "），银行流水 " + out.bankReference()));
        if (posting instanceof AccountPosting.Refused refused) {
            log.warn("transfer {}: crediting {} to {} refused ({}: {}); left for staff", current.id(), amount,
                    current.newAccountNumber(), refused.reasonCode(), refused.reason());
            change.set("state", CaseState.RESULT_SENT).set("problem", refused.reasonCode() + ": " + refused.reason());
        } else {
            change.set("state", CaseState.COMPLETED)
                    .set("creditedAmount", amount)
                    .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, TransferCredited.TYPE.toString(),
                            center.code().value(), "已记外部转入 " + amount + " 元至 " + current.newAccountNumber() + "，正常办结"))
                    .emit(events.of(new TransferCredited(CaseId.of(current.id()), out.contactLetter(), center.code(),
                            current.newAccountNumber(), amount, TransferStatus.COMPLETED.code(), now),
                            Topics.RELAY_INBOUND, current.handlingCenter(), received.traceparent()));
        }
        settle(received, writer.apply(change), CaseState.COMPLETED);
    }

    // ---- old center (转出地) ------------------------------------------------------------------------------------

    /**
     * A contact letter arrived: check it (联系函复核) and answer with the delivery receipt, and with the refusal (13)
     * when there is no account here to transfer, in one atomic write. Acceptance is the staff's.
     */
    void onApplied(ReceivedEvent received, TransferApplied applied) {
        if (!applied.oldCenter().equals(center.code())) {
            throw new MalformedEventException("MISADDRESSED", "transfer for " + applied.oldCenter() + " reached " + center.code());
        }
        if (find(applied.caseId().value()).isPresent()) {
            log.info("transfer {}: application {} seen before, ignored", applied.caseId(), received.id());
            return;
        }
        Optional<PersonalAccount> found = applied.oldAccountNumber() != null
                ? accounts.findByAccountNumber(applied.oldAccountNumber())
                : accounts.findByIdentityNumber(applied.applicant().identityNumber());
        Decision<PersonalAccount> decision = TransferOutPolicy.check(found, applied.applicant());
        Instant now = clock.instant();
        CenterCode requester = applied.newCenter();
        List<CaseHistoryEntry> history = new ArrayList<>();
        List<OutboxEvent> outgoing = new ArrayList<>();
        history.add(new CaseHistoryEntry(now, CaseState.DELIVERED, CaseDelivered.TYPE.toString(), requester.value(),
                "收到联系函 " + applied.contactLetter()));
        outgoing.add(events.of(new CaseDelivered(applied.caseId(), TransferItem.ACCOUNT_TRANSFER, center.code(), now),
                Topics.RELAY_INBOUND, requester, received.traceparent()));
        CaseState state = CaseState.DELIVERED;
        Rejection rejection = null;
        String oldAccount = applied.oldAccountNumber();
        if (decision instanceof Decision.Rejected<PersonalAccount> refused) {
            state = CaseState.REJECTED;
            rejection = new Rejection(refused.reasonCode(), refused.reason());
            history.add(new CaseHistoryEntry(now, CaseState.REJECTED, CaseRejected.TYPE.toString(), center.code().value(),
                    "转出审核不通过：" + refused.reason()));
            outgoing.add(events.of(new CaseRejected(applied.caseId(), TransferItem.ACCOUNT_TRANSFER, center.code(),
                    refused.reasonCode(), refused.reason(), now), Topics.RELAY_INBOUND, requester, received.traceparent()));
        } else {
            oldAccount = ((Decision.Approved<PersonalAccount>) decision).outcome().accountNumber();
            history.add(new CaseHistoryEntry(now, null, "letter-reviewed", center.code().value(),
                    "联系函复核通过，待确认接收；个人账号 " + oldAccount));
        }
        TransferCase handled = new TransferCase(applied.caseId().value(), TransferItem.ACCOUNT_TRANSFER,
                HandlingMode.JOINT, CaseSide.HANDLING, requester, center.code(), applied.applicant(), applied.clerk(),
                state, now, now, history, rejection, null, null, TransferCase.KIND, applied.contactLetter().value(),
                applied.newAccountNumber(), oldAccount, applied.receivingBankAccount(), applied.receivingAccountName(),
                false, null, null, null, null, false, false, null, null);
        Outcome outcome = writer.create(CaseStore.COLLECTION, handled, received.id(), outgoing);
        if (outcome == Outcome.CONFLICT) {
            throw new MalformedEventException("CASE_EXISTS", "case " + applied.caseId() + " was already opened by another event");
        }
        log.info("transfer {} (letter {}) from {}: {}", applied.caseId(), applied.contactLetter(), requester, state);
    }

    /** The new center cancelled before acceptance: ours ends too (05). */
    void onCancelled(ReceivedEvent received, TransferCancelled cancelled) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", List.of(CaseState.SUBMITTED, CaseState.DELIVERED))
                .set("state", CaseState.WITHDRAWN)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.WITHDRAWN, received.type(), received.origin(),
                        "转入地撤销联系函：" + cancelled.reason()));
        settle(received, writer.apply(change), CaseState.WITHDRAWN);
    }

    /** The new center credited the money: ours is done, and the amount it credited is kept for the reconciliation. */
    void onCredited(ReceivedEvent received, TransferCredited credited) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .whenIn("state", List.of(CaseState.RESULT_SENT))
                .set("state", CaseState.COMPLETED)
                .set("creditedAmount", credited.amount())
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.COMPLETED, received.type(), received.origin(),
                        "转入地已记账 " + credited.amount() + " 元，办结（" + credited.statusCode() + "）"));
        settle(received, writer.apply(change), CaseState.COMPLETED);
    }

    /**
     * The old center's staff accept the letter (联系函确认接收, 02); from now on it cannot be cancelled. The transfer-out
     * follows at once and, for what the bank has not settled yet, in the sweep.
     *
     * @param fraudRecorded whether fraudulent withdrawal or borrowing (骗提骗贷) is on record for the person
     */
    public TransferCase accept(String caseId, boolean fraudRecorded, String reviewer) {
        TransferCase current = requireOldSide(caseId);
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.DELIVERED))
                .set("state", CaseState.ACCEPTED)
                .set("fraudRecorded", fraudRecorded)
                .set("transferOpen", true)
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.ACCEPTED, CaseAccepted.TYPE.toString(), reviewer,
                        "联系函确认接收"))
                .emit(events.of(new CaseAccepted(CaseId.of(caseId), TransferItem.ACCOUNT_TRANSFER, center.code(), now),
                        Topics.RELAY_INBOUND, current.requestingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("NOT_AWAITING_ACCEPTANCE", "联系函 " + current.contactLetter() + " 当前状态为 "
                    + require(caseId).status().chinese() + "，不能确认接收");
        }
        return transferOut(require(caseId));
    }

    /** The old center's staff refuse the letter (转出审核不通过, 13) with the reason. */
    public TransferCase refuse(String caseId, String reasonCode, String reason, String reviewer) {
        TransferCase current = requireOldSide(caseId);
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, caseId)
                .whenIn("state", List.of(CaseState.DELIVERED))
                .set("state", CaseState.REJECTED)
                .set("rejection", new Rejection(reasonCode, reason))
                .set("updatedAt", now)
                .push("history", new CaseHistoryEntry(now, CaseState.REJECTED, CaseRejected.TYPE.toString(), reviewer,
                        "转出审核不通过：" + reason))
                .emit(events.of(new CaseRejected(CaseId.of(caseId), TransferItem.ACCOUNT_TRANSFER, center.code(),
                        reasonCode, reason, now), Topics.RELAY_INBOUND, current.requestingCenter(), null));
        if (writer.apply(change) != Outcome.APPLIED) {
            throw ApiProblem.conflict("NOT_AWAITING_ACCEPTANCE", "联系函 " + current.contactLetter() + " 当前状态为 "
                    + require(caseId).status().chinese() + "，不能审核");
        }
        return require(caseId);
    }

    /**
     * Transfers an accepted case out; each step keyed on the contact letter, so running it again (the sweep, a crash
     * in between) repeats nothing: interest settled to the day (XJ-), the transfer-out entry that empties and closes
     * the account (ZC-), the bank instruction (TR-), and — once the bank settled — the facts sent to the new center.
     */
    TransferCase transferOut(TransferCase accepted) {
        if (accepted.state() != CaseState.ACCEPTED || !accepted.transferOpen()) {
            return accepted;
        }
        ContactLetterNumber letter = accepted.letter();
        PersonalAccount closed;
        try {
            closed = close(accepted, letter);
        } catch (TransferProblem problem) {
            log.warn("transfer {}: account {} not closed: {}", accepted.id(), accepted.oldAccountNumber(), problem.getMessage());
            return note(accepted, problem.getMessage());
        }
        TransferOutFacts facts = TransferOut.facts(closed, letter, accepted.fraudRecorded());
        TransferInstruction paid = payments.pay(letter, accepted.id(), BankAccountNumber.of(accepted.receivingBankAccount()),
                accepted.receivingAccountName(), facts.amount());
        Instant now = clock.instant();
        if (paid.state() == PaymentState.SETTLED) {
            AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, accepted.id())
                    .whenIn("state", List.of(CaseState.ACCEPTED))
                    .whenIn("transferOpen", List.of(true))
                    .set("state", CaseState.RESULT_SENT)
                    .set("transferOpen", false)
                    .set("facts", facts)
                    .set("instructionId", paid.id())
                    .set("bankReference", paid.bankReference())
                    .set("updatedAt", now)
                    .push("history", new CaseHistoryEntry(now, CaseState.RESULT_SENT, TransferredOut.TYPE.toString(),
                            center.code().value(), "已外部转出销户，划拨 " + facts.amount() + " 元，银行流水 " + paid.bankReference()))
                    .emit(events.of(new TransferredOut(CaseId.of(accepted.id()), letter, center.code(), facts,
                            TransferOut.history(closed), paid.id(), paid.bankReference(), now),
                            Topics.RELAY_INBOUND, accepted.requestingCenter(), null));
            writer.apply(change);
        } else if (paid.state() == PaymentState.FAILED) {
            AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, accepted.id())
                    .whenIn("transferOpen", List.of(true))
                    .set("transferOpen", false)
                    .set("failed", true)
                    .set("facts", facts)
                    .set("instructionId", paid.id())
                    .set("problem", "资金划拨失败：" + paid.failureReason())
                    .set("updatedAt", now)
                    .push("history", new CaseHistoryEntry(now, null, "transfer-payment-failed", center.code().value(),
                            "资金划拨失败（" + paid.failureReason() + "），账户已转出销户，待两地人工处理"));
            writer.apply(change);
        } else {
            log.info("transfer {}: payment {} is {}; the sweep takes it up", accepted.id(), paid.id(), paid.state());
        }
        return require(accepted.id());
    }

    /** Settles the interest to the day and posts the transfer-out entry that closes the account, or finds them posted. */
    private PersonalAccount close(TransferCase accepted, ContactLetterNumber letter) {
        String number = accepted.oldAccountNumber();
        PersonalAccount account = accounts.findByAccountNumber(number)
                .orElseThrow(() -> new TransferProblem("个人账户 " + number + " 不存在"));
        String outSerial = TransferOut.outSerial(letter);
        if (account.ledger().entry(outSerial).isPresent()) {
            return account;
        }
        LocalDate today = today();
        String interestSerial = TransferOut.interestSerial(letter);
        if (account.ledger().entry(interestSerial).isEmpty()) {
            AnnualRate rate = policy.versionOn(today).map(PolicyVersion::depositRate)
                    .orElseThrow(() -> new TransferProblem("无 " + today + " 适用的存款利率，不能结息"));
            Posting interest = InterestSettlement.settleOnClosing(account.ledger(), today, rate, interestSerial);
            if (interest instanceof Posting.Posted posted) {
                AccountPosting stored = accounts.post(number, posted.entry());
                if (stored instanceof AccountPosting.Refused refused) {
                    throw new TransferProblem("结息未能记账：" + refused.reason());
                }
            } else if (interest instanceof Posting.Refused refused
                    && !InterestSettlement.NOTHING_TO_SETTLE.equals(refused.reasonCode())
                    && !InterestSettlement.ALREADY_SETTLED.equals(refused.reasonCode())) {
                throw new TransferProblem("结息失败：" + refused.reason());
            }
        }
        PersonalAccount settled = accounts.findByAccountNumber(number).orElseThrow();
        Money balance = settled.ledgerBalance();
        if (balance.fen() <= 0) {
            throw new TransferProblem("个人账户余额为零");
        }
        AccountPosting posting = accounts.post(number, LedgerEntry.debit(outSerial, today, BusinessType.TRANSFER_OUT, balance),
                read -> read.state().canMoveTo(AccountState.TRANSFERRED_OUT) && read.ledgerBalance().equals(balance)
                        ? Optional.empty()
                        : Optional.of(new AccountPosting.Refused("ACCOUNT_CHANGED", "账户状态 " + read.state().chinese()
                        + "，余额 " + read.ledgerBalance() + " 元")),
                read -> new Update().set(AccountStore.STATE, AccountState.TRANSFERRED_OUT.name()));
        if (posting instanceof AccountPosting.Refused refused) {
            throw new TransferProblem("外部转出未能记账：" + refused.reason());
        }
        return posting.account();
    }

    /**
     * The sweep: takes up accepted transfers whose money is not settled yet (the bank had not answered, the process
     * died between steps) and carries each on as far as it goes.
     *
     * @return how many were sent on to the new center or failed
     */
    @Scheduled(initialDelayString = "${tongban.transfer.sweep-interval:30s}",
            fixedDelayString = "${tongban.transfer.sweep-interval:30s}")
    public int sweep() {
        int moved = 0;
        for (TransferCase open : mongo.find(Query.query(Criteria.where("transferOpen").is(true)).limit(SWEEP_BATCH),
                TransferCase.class, CaseStore.COLLECTION)) {
            try {
                if (transferOut(open).state() != CaseState.ACCEPTED || require(open.id()).failed()) {
                    moved++;
                }
            } catch (RuntimeException e) {
                log.warn("transfer {}: sweep step failed ({}); tried again next time", open.id(), e.toString());
            }
        }
        return moved;
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    public Optional<TransferCase> find(String caseId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(caseId).and("kind").is(TransferCase.KIND)),
                TransferCase.class, CaseStore.COLLECTION));
    }

    /** The person's transfers at this center, newest first (by the applicant index of the cases). */
    public List<TransferCase> ofPerson(String identityNumber) {
        Query query = Query.query(Criteria.where("applicant.identityNumber").is(identityNumber));
        return mongo.find(query, TransferCase.class, CaseStore.COLLECTION).stream()
                .filter(c -> TransferCase.KIND.equals(c.kind()))
                .sorted((a, b) -> b.openedAt().compareTo(a.openedAt())).toList();
    }

    /** Every transfer of this center, either side. */
    public List<TransferCase> all() {
        return mongo.find(Query.query(Criteria.where("kind").is(TransferCase.KIND)), TransferCase.class, CaseStore.COLLECTION);
    }

    private TransferCase require(String caseId) {
        return find(caseId).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_TRANSFER", "no transfer " + caseId));
    }

    private TransferCase requireOldSide(String caseId) {
        TransferCase current = require(caseId);
        if (current.isNewCenter()) {
            throw ApiProblem.conflict("NOT_OLD_CENTER", "only the old center (转出地) reviews the contact letter");
        }
        return current;
    }

    private TransferCase note(TransferCase current, String problem) {
        if (!problem.equals(current.problem())) {
            writer.apply(AtomicChange.of(CaseStore.COLLECTION, current.id()).set("problem", problem)
                    .set("updatedAt", clock.instant()));
        }
        return require(current.id());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ContactLetters.CHINA));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void settle(ReceivedEvent received, Outcome outcome, CaseState target) {
        switch (outcome) {
            case APPLIED -> log.info("transfer {} is now {}", received.subject(), target);
            case DUPLICATE -> log.info("transfer {}: event {} seen before, ignored", received.subject(), received.id());
            case NOT_FOUND -> throw new MalformedEventException("UNKNOWN_CASE", "no transfer " + received.subject() + " here");
            case CONFLICT -> throw new MalformedEventException("ILLEGAL_TRANSITION",
                    "transfer " + received.subject() + " cannot move to " + target + " from where it is");
        }
    }

    /** A step of the transfer-out that cannot be done now; kept on the case for staff. */
    private static final class TransferProblem extends RuntimeException {

        TransferProblem(String message) {
            super(message);
        }
    }
}
