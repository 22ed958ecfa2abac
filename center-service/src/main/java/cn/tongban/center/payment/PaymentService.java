package cn.tongban.center.payment;

import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.InstructionStatus;
import cn.tongban.center.department.PaymentAnswer;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Pays withdrawals to the person's bank card (提取资金划付), each case at most once.
 *
 * <ol>
 *   <li>The instruction is recorded first ({@link PaymentState#REQUESTED}), its id {@code WD-<caseId>}. Only the
 *       submission whose insert succeeds goes on; a second submission of the same payment waits for the first one's
 *       outcome and returns it.</li>
 *   <li>Whoever moves it to {@link PaymentState#SENT} (a conditional update) sends it, once, with the instruction id as
 *       the {@code Idempotency-Key}.</li>
 *   <li>Accepted: the bank is asked whether it settled. Refused: {@link PaymentState#FAILED}. Not received (no
 *       connection, breaker open): back to {@link PaymentState#REQUESTED}, to be sent later. No answer (a timeout, a 5xx,
 *       an unreadable answer): {@link PaymentState#UNKNOWN}, and the bank is asked before anything else happens.</li>
 *   <li>Asked about an unknown outcome, the bank says settled, failed, in progress, or that it never received the
 *       instruction; only then is it sent again, with the same key, at most {@code max-sends} times in all.</li>
 * </ol>
 * What cannot be settled now (the bank does not answer the query either) stays open for {@link #settleOpen()}.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int SWEEP_BATCH = 100;

    private final PaymentInstructionStore store;
    private final BankSettlementClient bank;
    private final DepartmentsProperties.Payments settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(PaymentInstructionStore store, BankSettlementClient bank, DepartmentsProperties departments,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.bank = bank;
        this.settings = departments.bank().payments();
        this.events = events;
        this.clock = clock;
        if (settings.staleAfter().compareTo(departments.bank().readTimeout().multipliedBy(2)) <= 0) {
            throw new IllegalStateException("tongban.departments.bank.payments.stale-after must be well beyond the bank's"
                    + " read timeout, or the sweep could take an instruction from a process still waiting for the bank");
        }
    }

    /**
     * Pays {@code payment}, or returns what became of paying it before. Blocks while the bank is asked (bounded by the
     * bank's timeouts and {@code await-outcome}).
     *
     * @return the instruction as it stands: {@link PaymentState#SETTLED} or {@link PaymentState#FAILED} once the bank
     *         has said so; {@link PaymentState#SENT} when accepted and not yet settled; {@link PaymentState#UNKNOWN} when
     *         the outcome is still open; {@link PaymentState#REQUESTED} when the bank could not be reached (its
     *         {@code failureReason} says why). Open ones are settled by {@link #settleOpen()} or by calling this again.
     * @throws ApiProblem 409 {@code PAYMENT_DIFFERS} when the case's instruction pays another amount or card
     */
    public PaymentInstruction pay(WithdrawalPayment payment) {
        PaymentInstruction fresh = PaymentInstruction.requested(payment, clock.instant());
        if (store.create(fresh)) {
            log.info("payment {} recorded: {} to {}", fresh.id(), payment.amount(), payment.payeeAccount());
            return send(fresh);
        }
        PaymentInstruction existing = store.find(fresh.instructionId())
                .orElseThrow(() -> new IllegalStateException("payment instruction " + fresh.id() + " vanished"));
        if (!existing.isFor(payment)) {
            throw ApiProblem.conflict("PAYMENT_DIFFERS", "案件 " + payment.caseId() + " 已有支付指令 " + existing.id()
                    + "，金额或收款账户与本次不同；同一案件只能支付一次");
        }
        return awaitOutcome(existing);
    }

    public Optional<PaymentInstruction> find(InstructionId id) {
        return store.find(id);
    }

    /**
     * Asks the bank about an open instruction and moves it as the bank says; an unknown outcome that the bank never
     * received is sent again, with the same key. A final or merely recorded instruction is returned as it is.
     */
    public PaymentInstruction settle(InstructionId id) {
        return askBank(store.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_PAYMENT", "没有支付指令 " + id)));
    }

    /**
     * The sweep: settles every open instruction by asking the bank, and takes up those whose process died (left sent or
     * requested for {@code stale-after}): a sent one becomes unknown and is asked about, a requested one is sent.
     *
     * @return how many instructions changed state
     */
    public int settleOpen() {
        Instant staleBefore = clock.instant().minus(settings.staleAfter());
        int changed = 0;
        for (PaymentInstruction open : store.open(staleBefore, SWEEP_BATCH)) {
            PaymentInstruction after = switch (open.state()) {
                case UNKNOWN -> askBank(open);
                case SENT -> open.bankReference() != null ? askBank(open)
                        : store.move(open, PaymentState.UNKNOWN, "发送后长时间无结果（发送进程中断），向银行查询",
                                c -> c.set("failureReason", "发送后无结果")).map(this::askBank).orElse(open);
                case REQUESTED -> trySend(open).orElse(open);
                default -> open;
            };
            if (after.state() != open.state()) {
                changed++;
            }
        }
        return changed;
    }

    // ---- sending -------------------------------------------------------------------------------------------------

    private PaymentInstruction send(PaymentInstruction seen) {
        return trySend(seen).orElseGet(() -> awaitOutcome(reload(seen)));
    }

    /**
     * Sends {@code seen} if this process wins the move to {@link PaymentState#SENT}.
     *
     * @return the outcome, or empty when another process moved the instruction first
     */
    private Optional<PaymentInstruction> trySend(PaymentInstruction seen) {
        if (seen.sends() >= settings.maxSends()) {
            log.warn("payment {} was sent {} times and the bank says it has none: left {} for a person", seen.id(),
                    seen.sends(), seen.state());
            String reason = "已发送 " + seen.sends() + " 次，银行仍称未收到，需人工核实";
            return Optional.of(reason.equals(seen.failureReason()) ? seen
                    : store.update(seen, reason, c -> c.set("failureReason", reason)).orElseGet(() -> reload(seen)));
        }
        String note = seen.sends() == 0 ? "发送银行" : "银行称未收到该指令，以同一幂等键第 " + (seen.sends() + 1) + " 次发送";
        Optional<PaymentInstruction> claimed = store.move(seen, PaymentState.SENT, note, c -> c.set("sends", seen.sends() + 1));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        PaymentInstruction sent = claimed.get();
        PaymentAnswer answer = bank.pay(sent.order());
        if (answer instanceof PaymentAnswer.Accepted accepted) {
            return Optional.of(accepted(sent, accepted));
        }
        if (answer instanceof PaymentAnswer.Rejected rejected) {
            return Optional.of(fail(sent, rejected.code(), rejected.reason()));
        }
        if (answer instanceof PaymentAnswer.NotReceived notReceived) {
            log.warn("payment {} did not reach the bank: {}", sent.id(), notReceived.reason());
            return Optional.of(store.move(sent, PaymentState.REQUESTED, "未送达银行：" + notReceived.reason(),
                            c -> c.set("sends", sent.sends() - 1).set("failureReason", notReceived.reason()))
                    .orElseGet(() -> reload(sent)));
        }
        PaymentAnswer.OutcomeUnknown unknown = (PaymentAnswer.OutcomeUnknown) answer;
        log.warn("payment {}: outcome unknown ({}), asking the bank", sent.id(), unknown.reasonCode());
        return Optional.of(store.move(sent, PaymentState.UNKNOWN, "结果未明：" + unknown.reason(),
                        c -> c.set("failureReason", unknown.reason()))
                .map(this::askBank)
                .orElseGet(() -> reload(sent)));
    }

    private PaymentInstruction accepted(PaymentInstruction sent, PaymentAnswer.Accepted accepted) {
        if (accepted.status().isPaid()) {
            return settled(sent, accepted.bankReference(), accepted.settledAt());
        }
        return store.update(sent, "银行已受理，流水号 " + accepted.bankReference(),
                        c -> c.set("bankReference", accepted.bankReference()).set("failureReason", null))
                .map(this::askBank)
                .orElseGet(() -> reload(sent));
    }

    // ---- asking the bank -----------------------------------------------------------------------------------------

    private PaymentInstruction askBank(PaymentInstruction seen) {
        if (seen.state() != PaymentState.SENT && seen.state() != PaymentState.UNKNOWN) {
            return seen;
        }
        InstructionStatus status;
        try {
            status = bank.status(seen.instructionId());
        } catch (DepartmentException e) {
            log.warn("payment {} stays {}: the bank's status query failed ({})", seen.id(), seen.state(), e.reasonCode());
            return seen;
        }
        if (status instanceof InstructionStatus.NotFound) {
            // SENT: the instruction may still be on its way; only an unknown outcome the bank never saw is sent again
            return seen.state() == PaymentState.UNKNOWN ? send(seen) : seen;
        }
        InstructionStatus.Known known = (InstructionStatus.Known) status;
        if (known.status().isPaid()) {
            return settled(seen, known.bankReference(), known.settledAt());
        }
        if (known.status().isFailed()) {
            return fail(seen, known.failureCode() != null ? known.failureCode() : known.status().name(),
                    "银行称该指令" + (known.status().name().equals("RETURNED") ? "已退汇" : "已被拒绝"));
        }
        if (seen.state() == PaymentState.UNKNOWN) {
            return store.move(seen, PaymentState.SENT, "银行已受理，尚未清算", c -> c.set("bankReference",
                    known.bankReference() != null ? known.bankReference() : seen.bankReference()).set("failureReason", null))
                    .orElseGet(() -> reload(seen));
        }
        return seen;
    }

    private PaymentInstruction settled(PaymentInstruction seen, String bankReference, Instant settledAt) {
        Instant at = settledAt != null ? settledAt : clock.instant();
        String reference = bankReference != null ? bankReference : seen.bankReference();
        Optional<PaymentInstruction> moved = store.move(seen, PaymentState.SETTLED, "银行已清算入账",
                c -> c.set("bankReference", reference).set("settledAt", at).set("failureCode", null).set("failureReason", null));
        moved.ifPresent(done -> {
            log.info("payment {} settled: {} (bank reference {})", done.id(), done.amount(), done.bankReference());
            events.publishEvent(new PaymentSettled(done.id(), done.caseId(), done.accountNumber(), done.amount(),
                    done.bankReference(), done.settledAt()));
        });
        return moved.orElseGet(() -> reload(seen));
    }

    private PaymentInstruction fail(PaymentInstruction seen, String code, String reason) {
        Optional<PaymentInstruction> moved = store.move(seen, PaymentState.FAILED, "支付失败：" + reason,
                c -> c.set("failureCode", code).set("failureReason", reason));
        moved.ifPresent(done -> {
            log.info("payment {} failed: {} {}", done.id(), code, reason);
            events.publishEvent(new PaymentFailed(done.id(), done.caseId(), done.accountNumber(), code, reason));
        });
        return moved.orElseGet(() -> reload(seen));
    }

    // ---- a second submission -------------------------------------------------------------------------------------

    /**
     * Waits, bounded by {@code await-outcome}, for another process's outcome of the instruction. Takes part where that
     * is safe: an instruction not yet claimed is claimed (the claim is the guard); one the bank accepted or whose outcome
     * is unknown is asked about. Only an instruction on its way to the bank is waited for.
     */
    private PaymentInstruction awaitOutcome(PaymentInstruction seen) {
        long deadline = System.nanoTime() + settings.awaitOutcome().toNanos();
        PaymentInstruction current = seen;
        while (true) {
            if (current.state().isFinal()) {
                return current;
            }
            if (current.state() == PaymentState.UNKNOWN
                    || current.state() == PaymentState.SENT && current.bankReference() != null) {
                // asking changes nothing at the bank, and every move it leads to is conditional
                return askBank(current);
            }
            if (current.state() == PaymentState.REQUESTED) {
                Optional<PaymentInstruction> sent = trySend(current);
                if (sent.isPresent()) {
                    return sent.get();
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return current;
            }
            sleep();
            current = reload(current);
        }
    }

    private PaymentInstruction reload(PaymentInstruction seen) {
        return store.find(seen.instructionId()).orElse(seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a payment's outcome", e);
        }
    }
}
