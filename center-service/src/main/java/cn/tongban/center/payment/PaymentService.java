package cn.tongban.center.payment;

import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.InstructionStatus;
import cn.tongban.center.department.PaymentAnswer;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
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
    private static final int SWEEP_BATCH = 100;
    public static final String PREVIOUS_ATTEMPT_NOT_FAILED = "PREVIOUS_ATTEMPT_NOT_FAILED";

    private final PaymentInstructionStore store;
    private final DepartmentsProperties.Payments settings;
    private final BankInstructions<PaymentInstruction> instructions;
    private final Clock clock;

    PaymentService(PaymentInstructionStore store, BankSettlementClient bank, DepartmentsProperties departments,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.settings = departments.bank().payments();
        this.clock = clock;
        if (settings.staleAfter().compareTo(departments.bank().readTimeout().multipliedBy(2)) <= 0) {
            throw new IllegalStateException("tongban.departments.bank.payments.stale-after must be well beyond the bank's"
                    + " read timeout, or the sweep could take an instruction from a process still waiting for the bank");
        }
        this.instructions = new BankInstructions<>(store, new BankInstructions.Channel<>() {
            @Override
            public PaymentAnswer submit(PaymentInstruction sent) {
                return bank.pay(sent.order());
            }

            @Override
            public InstructionStatus status(InstructionId id) {
                return bank.status(id);
            }

            @Override
            public void settled(PaymentInstruction done) {
                events.publishEvent(new PaymentSettled(done.id(), done.caseId(), done.accountNumber(), done.amount(),
                        done.bankReference(), done.settledAt()));
            }

            @Override
            public void failed(PaymentInstruction done, String code, String reason) {
                events.publishEvent(new PaymentFailed(done.id(), done.caseId(), done.accountNumber(), code, reason));
            }
        }, settings, clock, new BankInstructions.Wording("payment", "发送银行", "银行已清算入账", "支付失败：", "该指令", "已退汇"));
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
            return instructions.send(fresh);
        }
        PaymentInstruction existing = store.find(fresh.instructionId())
                .orElseThrow(() -> new IllegalStateException("payment instruction " + fresh.id() + " vanished"));
        if (!existing.isFor(payment)) {
            throw ApiProblem.conflict("PAYMENT_DIFFERS", "案件 " + payment.caseId() + " 已有支付指令 " + existing.id()
                    + "，金额或收款账户与本次不同；同一案件只能支付一次");
        }
        return instructions.awaitOutcome(existing);
    }

    /**
     * Pays a case again after its last payment FAILED (e.g. the card was closed): {@code payment} is the next attempt
     * ({@link WithdrawalPayment#nextAttempt}), paid under its own instruction id, at most once like any other. Refused
     * unless the attempt before it exists and FAILED, so a case is never paid twice.
     *
     * @throws ApiProblem 409 {@value #PREVIOUS_ATTEMPT_NOT_FAILED}
     */
    public PaymentInstruction payAgain(WithdrawalPayment payment) {
        if (payment.attempt() < 2) {
            throw new IllegalArgumentException("a payment paid again is attempt 2 or later");
        }
        WithdrawalPayment previous = new WithdrawalPayment(payment.caseId(), payment.accountNumber(), payment.payeeAccount(),
                payment.payeeName(), payment.amount(), payment.attempt() - 1);
        Optional<PaymentInstruction> before = store.find(previous.instructionId());
        if (before.isEmpty() || before.get().state() != PaymentState.FAILED) {
            throw ApiProblem.conflict(PREVIOUS_ATTEMPT_NOT_FAILED, "案件 " + payment.caseId() + " 的第 " + previous.attempt()
                    + " 次支付" + before.map(i -> "状态为 " + i.state()).orElse("不存在") + "，只有失败后才能再次支付");
        }
        return pay(payment);
    }

    public Optional<PaymentInstruction> find(InstructionId id) {
        return store.find(id);
    }

    /**
     * Asks the bank about an open instruction and moves it as the bank says; an unknown outcome that the bank never
     * received is sent again, with the same key. A final or merely recorded instruction is returned as it is.
     */
    public PaymentInstruction settle(InstructionId id) {
        return instructions.askBank(store.find(id)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_PAYMENT", "没有支付指令 " + id)));
    }

    /**
     * The sweep: settles every open instruction by asking the bank, and takes up those whose process died (left sent or
     * requested for {@code stale-after}).
     *
     * @return how many instructions changed state
     */
    public int settleOpen() {
        return instructions.settleOpen(store.open(clock.instant().minus(settings.staleAfter()), SWEEP_BATCH));
    }
}
