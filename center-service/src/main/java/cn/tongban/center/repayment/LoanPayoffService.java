package cn.tongban.center.repayment;

import cn.tongban.center.payment.BankInstructions;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.contribution.AccountChange;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.InstructionStatus;
import cn.tongban.center.department.PaymentAnswer;
import cn.tongban.center.loan.LoanBusinessType;
import cn.tongban.center.loan.LoanRepayment;
import cn.tongban.center.loan.PayoffQuote;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.contracts.Money;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Early full repayment (提前还清, item 08): debits the payoff from the borrower's card, at most once, and closes the loan
 * once the bank settled the debit. The at-most-once discipline is that of the withdrawal payments
 * ({@link BankInstructions}, shared with {@code PaymentService}):
 *
 * <ol>
 *   <li>The caller names the amount they were quoted; it must still be today's payoff, or {@value #QUOTE_CHANGED}.</li>
 *   <li>The debit is recorded first ({@link PaymentState#REQUESTED}), its id {@code PO-<contract>}. Only the submission
 *       whose insert succeeds goes on; a second submission of the same payoff takes part where that is safe and
 *       returns the same outcome.</li>
 *   <li>Whoever moves it to {@link PaymentState#SENT} (a conditional update) sends it, once, with the instruction id as
 *       the {@code Idempotency-Key}. Refused: {@link PaymentState#FAILED}. Not received: back to REQUESTED. No answer (a
 *       timeout, a 5xx, an unreadable answer): {@link PaymentState#UNKNOWN}, and the bank is asked before anything is
 *       sent again; only an instruction the bank says it never received is sent again, same key, at most
 *       {@code max-sends} times.</li>
 *   <li>Settled: the loan is marked repaid in the account document (one conditional update, filtered on the account
 *       and the still-open loan, with an array filter) together with the loan's ledger entry (提前还款 03, keyed on the
 *       debit's id) and a change entry of business type {@value #PAYOFF_BUSINESS_TYPE} (结清) in the account's
 *       {@code changes}. The update cannot apply twice, and it is made again by whoever finds the debit settled and the
 *       loan not yet closed. The write that records the loan closed on the debit emits {@code LoanPaidOff}.</li>
 * </ol>
 */
@Service
public class LoanPayoffService {

    public static final String QUOTE_CHANGED = "QUOTE_CHANGED";
    public static final String PAYOFF_DIFFERS = "PAYOFF_DIFFERS";
    /** Loan business type (贷款业务类型) 结清. */
    public static final String PAYOFF_BUSINESS_TYPE = "06";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(LoanPayoffService.class);
    private static final int SWEEP_BATCH = 100;

    private final PayoffInstructionStore store;
    private final LoanPayoffQuotes quotes;
    private final MongoOperations mongo;
    private final BankInstructions<PayoffInstruction> instructions;
    private final PayoffEvents events;
    private final Clock clock;

    LoanPayoffService(PayoffInstructionStore store, LoanPayoffQuotes quotes, BankSettlementClient bank,
                      MongoOperations mongo, DepartmentsProperties departments, PayoffEvents events, Clock clock) {
        this.store = store;
        this.quotes = quotes;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.instructions = new BankInstructions<>(store, new BankInstructions.Channel<>() {
            @Override
            public PaymentAnswer submit(PayoffInstruction sent) {
                return bank.debit(sent.order());
            }

            @Override
            public InstructionStatus status(InstructionId id) {
                return bank.debitStatus(id);
            }
        }, departments.bank().payments(), clock,
                new BankInstructions.Wording("payoff", "发送银行扣款", "银行已扣款入账", "扣款失败：", "该扣款指令", "已退回"));
    }

    /**
     * Debits the payoff of {@code account}'s loan {@code contractNumber} from {@code card}, or returns what became of
     * debiting it before. Blocks while the bank is asked (bounded by the bank's timeouts and {@code await-outcome}).
     *
     * @param quoted the payoff the caller was shown
     * @param by who submits it
     * @return the instruction as it stands: SETTLED (and the loan closed) or FAILED once the bank said so; SENT when
     *         accepted and not yet settled; UNKNOWN when the outcome is still open; REQUESTED when the bank could not be
     *         reached ({@code failureReason} says why)
     * @throws ApiProblem 409 {@value #QUOTE_CHANGED} when today's payoff is not {@code quoted}; 409
     *         {@value #PAYOFF_DIFFERS} when the loan's debit was submitted with another card or amount
     */
    public PayoffInstruction payoff(PersonalAccount account, String contractNumber, BankAccountNumber card, Money quoted,
                                    String by) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(quoted, "quoted");
        InstructionId id = PayoffInstruction.idFor(contractNumber);
        Optional<PayoffInstruction> existing = store.find(id);
        if (existing.isEmpty()) {
            LocalDate today = today();
            PayoffQuote quote = quotes.quote(account, contractNumber, today);
            if (!quote.total().equals(quoted)) {
                throw ApiProblem.conflict(QUOTE_CHANGED, "贷款 " + contractNumber + " 今日（" + today + "）提前还清应还 "
                        + quote.total() + " 元，与所报 " + quoted + " 元不符，请重新试算");
            }
            PayoffInstruction fresh = PayoffInstruction.requested(account.accountNumber(), contractNumber, card,
                    account.name() != null ? account.name() : account.accountNumber(), quoted, today, by, clock.instant());
            if (store.create(fresh)) {
                log.info("payoff {} recorded: {} from {}", fresh.id(), quoted, card);
                return closeIfSettled(instructions.send(fresh));
            }
            existing = store.find(id);
        }
        PayoffInstruction seen = existing.orElseThrow(() -> new IllegalStateException("payoff instruction " + id + " vanished"));
        if (!seen.contractNumber().equals(contractNumber) || !seen.isFor(account.accountNumber(), card, quoted)) {
            throw ApiProblem.conflict(PAYOFF_DIFFERS, "贷款 " + contractNumber + " 已有提前还清扣款指令 " + seen.id()
                    + "，金额或扣款账户与本次不同；同一笔贷款只扣款一次");
        }
        return closeIfSettled(instructions.awaitOutcome(seen));
    }

    /**
     * The sweep (like the payment sweep): settles every open payoff debit by asking the bank, takes up those whose
     * process died, and closes the loan of every debit the bank settled whose loan is still open.
     *
     * @return how many debits changed state or had their loan closed
     */
    public int settleOpen(java.time.Duration staleAfter) {
        int changed = instructions.settleOpen(store.open(clock.instant().minus(staleAfter), SWEEP_BATCH));
        for (PayoffInstruction settled : store.settledWithLoanOpen(SWEEP_BATCH)) {
            closeIfSettled(settled);
            changed++;
        }
        return changed;
    }

    public Optional<PayoffInstruction> find(String contractNumber) {
        return store.find(PayoffInstruction.idFor(contractNumber));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    // ---- closing the loan ----------------------------------------------------------------------------------------

    private PayoffInstruction closeIfSettled(PayoffInstruction instruction) {
        if (instruction.state() != PaymentState.SETTLED || instruction.loanClosedOn() != null) {
            return instruction;
        }
        LocalDate repaidOn = today();
        closeLoan(instruction, repaidOn);
        // the event leaves once: with the write that records the loan closed, which applies only while it is not
        return store.update(instruction, "贷款已结清", c -> c.whenAbsent("loanClosedOn").set("loanClosedOn", repaidOn)
                        .emit(events.paidOff(instruction, repaidOn, clock.instant())))
                .orElseGet(() -> instructions.reload(instruction));
    }

    /**
     * Marks the loan repaid, posts the repayment to the loan's ledger (提前还款 03, serial number the debit's id
     * {@code PO-<contract>}) and records the change (结清 06), in one update that applies only to a loan still open.
     */
    private void closeLoan(PayoffInstruction instruction, LocalDate repaidOn) {
        boolean[] closedNow = {false};
        quotes.accounts().update(instruction.accountNumber(), account -> {
            boolean open = account.loans().stream()
                    .anyMatch(loan -> loan.contractNumber().equals(instruction.contractNumber()) && !loan.isRepaid());
            if (!open) {
                return Optional.empty();
            }
            AccountChange change = new AccountChange(clock.instant(), PAYOFF_BUSINESS_TYPE, "loan " + instruction.contractNumber(),
                    "未结清", "结清", repaidOn, instruction.requestedBy(), "提前还清 " + instruction.amount() + " 元，扣款指令 "
                    + instruction.id() + "，银行流水 " + instruction.bankReference());
            Document stored = plain(change);
            Document repayment = plain(new LoanRepayment(instruction.id(), repaidOn, instruction.amount(),
                    LoanBusinessType.EARLY_REPAYMENT));
            closedNow[0] = true;
            return Optional.of(new Update()
                    .set("loans.$[loan].repaidOn", mongo.getConverter().convertToMongoType(repaidOn))
                    .set("loans.$[loan].outstandingPrincipal", Money.ZERO.fen())
                    .push("loans.$[loan]." + LoanRecord.REPAYMENTS, repayment)
                    .filterArray(Criteria.where("loan.contractNumber").is(instruction.contractNumber()))
                    .push(AccountChange.FIELD, stored));
        });
        if (closedNow[0]) {
            log.info("loan {} of account {} repaid on {} by {}", instruction.contractNumber(), instruction.accountNumber(),
                    repaidOn, instruction.id());
        }
    }

    private Document plain(Object value) {
        Document stored = new Document();
        mongo.getConverter().write(value, stored);
        stored.remove("_class");
        return stored;
    }
}
