package cn.tongban.center.payment;

import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.InstructionStatus;
import cn.tongban.center.department.PaymentAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The at-most-once discipline for instructions to the bank, written once for payments out and debits in:
 * <ol>
 *   <li>The instruction is recorded first ({@link PaymentState#REQUESTED}); only the process whose insert succeeded
 *       goes on, a second submission takes part where that is safe ({@link #awaitOutcome}).</li>
 *   <li>Whoever moves it to {@link PaymentState#SENT} (a conditional update) sends it, once, with the instruction id
 *       as the {@code Idempotency-Key}. Refused: {@link PaymentState#FAILED}. Not received: back to REQUESTED. No
 *       answer (a timeout, a 5xx, an unreadable answer): {@link PaymentState#UNKNOWN}, and the bank is asked before
 *       anything is sent again; only an instruction the bank says it never received is sent again, same key, at most
 *       {@code max-sends} times.</li>
 * </ol>
 *
 * @param <I> the kind of instruction
 */
public final class BankInstructions<I extends BankInstruction> {

    private static final Logger log = LoggerFactory.getLogger(BankInstructions.class);
    private static final Duration POLL = Duration.ofMillis(50);

    /** How the bank is reached for this kind of instruction, and what follows a final outcome. */
    public interface Channel<I> {

        PaymentAnswer submit(I sent);

        InstructionStatus status(InstructionId id);

        default void settled(I done) {
        }

        default void failed(I done, String code, String reason) {
        }
    }

    /**
     * The words of one kind in logs and histories.
     *
     * @param noun in logs, e.g. {@code payment}
     * @param sendNote the history note of the first send
     * @param settledNote the history note of settlement
     * @param failedPrefix the history note's start on failure, e.g. {@code 支付失败：}
     * @param refusedByBank what the bank refused or returned, e.g. {@code 该指令}
     * @param returned the word for a returned instruction, e.g. {@code 已退汇}
     */
    public record Wording(String noun, String sendNote, String settledNote, String failedPrefix, String refusedByBank,
                          String returned) {
    }

    private final InstructionStore<I> store;
    private final Channel<I> channel;
    private final DepartmentsProperties.Payments settings;
    private final Clock clock;
    private final Wording words;

    public BankInstructions(InstructionStore<I> store, Channel<I> channel, DepartmentsProperties.Payments settings,
                            Clock clock, Wording words) {
        this.store = store;
        this.channel = channel;
        this.settings = settings;
        this.clock = clock;
        this.words = words;
    }

    /**
     * Settles open instructions by asking the bank, and takes up those whose process died (left sent or requested for
     * {@code stale-after}): a sent one becomes unknown and is asked about, a requested one is sent.
     *
     * @return how many instructions changed state
     */
    public int settleOpen(List<I> open) {
        int changed = 0;
        for (I instruction : open) {
            I after = switch (instruction.state()) {
                case UNKNOWN -> askBank(instruction);
                case SENT -> instruction.bankReference() != null ? askBank(instruction)
                        : store.move(instruction, PaymentState.UNKNOWN, "发送后长时间无结果（发送进程中断），向银行查询",
                                c -> c.set("failureReason", "发送后无结果")).map(this::askBank).orElse(instruction);
                case REQUESTED -> trySend(instruction).orElse(instruction);
                default -> instruction;
            };
            if (after.state() != instruction.state()) {
                changed++;
            }
        }
        return changed;
    }

    // ---- sending -------------------------------------------------------------------------------------------------

    /** Sends a freshly recorded instruction, or waits for the outcome of the process that took it first. */
    public I send(I seen) {
        return trySend(seen).orElseGet(() -> awaitOutcome(reload(seen)));
    }

    /** Sends {@code seen} if this process wins the move to SENT; empty when another process moved it first. */
    private Optional<I> trySend(I seen) {
        if (seen.sends() >= settings.maxSends()) {
            log.warn("{} {} was sent {} times and the bank says it has none: left {} for a person", words.noun(), seen.id(),
                    seen.sends(), seen.state());
            String reason = "已发送 " + seen.sends() + " 次，银行仍称未收到，需人工核实";
            return Optional.of(reason.equals(seen.failureReason()) ? seen
                    : store.update(seen, reason, c -> c.set("failureReason", reason)).orElseGet(() -> reload(seen)));
        }
        String note = seen.sends() == 0 ? words.sendNote() : "银行称未收到该指令，以同一幂等键第 " + (seen.sends() + 1) + " 次发送";
        Optional<I> claimed = store.move(seen, PaymentState.SENT, note, c -> c.set("sends", seen.sends() + 1));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        I sent = claimed.get();
        PaymentAnswer answer = channel.submit(sent);
        if (answer instanceof PaymentAnswer.Accepted accepted) {
            if (accepted.status().isPaid()) {
                return Optional.of(settled(sent, accepted.bankReference(), accepted.settledAt()));
            }
            return Optional.of(store.update(sent, "银行已受理，流水号 " + accepted.bankReference(),
                            c -> c.set("bankReference", accepted.bankReference()).set("failureReason", null))
                    .map(this::askBank)
                    .orElseGet(() -> reload(sent)));
        }
        if (answer instanceof PaymentAnswer.Rejected rejected) {
            return Optional.of(fail(sent, rejected.code(), rejected.reason()));
        }
        if (answer instanceof PaymentAnswer.NotReceived notReceived) {
            log.warn("{} {} did not reach the bank: {}", words.noun(), sent.id(), notReceived.reason());
            return Optional.of(store.move(sent, PaymentState.REQUESTED, "未送达银行：" + notReceived.reason(),
                            c -> c.set("sends", sent.sends() - 1).set("failureReason", notReceived.reason()))
                    .orElseGet(() -> reload(sent)));
        }
        PaymentAnswer.OutcomeUnknown unknown = (PaymentAnswer.OutcomeUnknown) answer;
        log.warn("{} {}: outcome unknown ({}), asking the bank", words.noun(), sent.id(), unknown.reasonCode());
        return Optional.of(store.move(sent, PaymentState.UNKNOWN, "结果未明：" + unknown.reason(),
                        c -> c.set("failureReason", unknown.reason()))
                .map(this::askBank)
                .orElseGet(() -> reload(sent)));
    }

    // ---- asking the bank -----------------------------------------------------------------------------------------

    /** Settles an instruction sent or of unknown outcome by the bank's status; anything else is returned as it is. */
    public I askBank(I seen) {
        if (seen.state() != PaymentState.SENT && seen.state() != PaymentState.UNKNOWN) {
            return seen;
        }
        InstructionStatus status;
        try {
            status = channel.status(seen.instructionId());
        } catch (DepartmentException e) {
            log.warn("{} {} stays {}: the bank's status query failed ({})", words.noun(), seen.id(), seen.state(),
                    e.reasonCode());
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
                    "银行称" + words.refusedByBank() + (known.status().name().equals("RETURNED") ? words.returned() : "已被拒绝"));
        }
        if (seen.state() == PaymentState.UNKNOWN) {
            return store.move(seen, PaymentState.SENT, "银行已受理，尚未清算", c -> c.set("bankReference",
                    known.bankReference() != null ? known.bankReference() : seen.bankReference()).set("failureReason", null))
                    .orElseGet(() -> reload(seen));
        }
        return seen;
    }

    private I settled(I seen, String bankReference, Instant settledAt) {
        Instant at = settledAt != null ? settledAt : clock.instant();
        String reference = bankReference != null ? bankReference : seen.bankReference();
        Optional<I> moved = store.move(seen, PaymentState.SETTLED, words.settledNote(),
                c -> c.set("bankReference", reference).set("settledAt", at).set("failureCode", null).set("failureReason", null));
        moved.ifPresent(done -> {
            log.info("{} {} settled (bank reference {})", words.noun(), done.id(), done.bankReference());
            channel.settled(done);
        });
        return moved.orElseGet(() -> reload(seen));
    }

    private I fail(I seen, String code, String reason) {
        Optional<I> moved = store.move(seen, PaymentState.FAILED, words.failedPrefix() + reason,
                c -> c.set("failureCode", code).set("failureReason", reason));
        moved.ifPresent(done -> {
            log.info("{} {} failed: {} {}", words.noun(), done.id(), code, reason);
            channel.failed(done, code, reason);
        });
        return moved.orElseGet(() -> reload(seen));
    }

    // ---- a second submission -------------------------------------------------------------------------------------

    /**
     * Waits, bounded by {@code await-outcome}, for another process's outcome of the instruction. Takes part where that
     * is safe: an instruction not yet claimed is claimed (the claim is the guard); one the bank accepted or whose outcome
     * is unknown is asked about. Only an instruction on its way to the bank is waited for.
     */
    public I awaitOutcome(I seen) {
        long deadline = System.nanoTime() + settings.awaitOutcome().toNanos();
        I current = seen;
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
                Optional<I> sent = trySend(current);
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

    public I reload(I seen) {
        return store.find(seen.instructionId()).orElse(seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bank's outcome", e);
        }
    }
}
