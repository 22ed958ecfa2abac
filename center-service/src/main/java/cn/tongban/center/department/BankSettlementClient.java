package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settlement bank (银行结算): payment instructions ({@code POST /bank/v1/payments}, with the instruction id as the
 * {@code Idempotency-Key}), their status ({@code GET /bank/v1/payments/{instructionId}}), debit instructions from a
 * borrower's card ({@code POST /bank/v1/debits}, same key, and {@code GET /bank/v1/debits/{instructionId}}) and the
 * day's statement ({@code GET /bank/v1/statements/{date}}).
 *
 * <p>An instruction (payment or debit) is never retried here: what to do after an unknown outcome is the payment capability's decision,
 * taken after asking the bank. The two queries are retried.
 */
public class BankSettlementClient {

    static final String PAYMENTS = "/bank/v1/payments";
    static final String PAYMENT = "/bank/v1/payments/{instructionId}";
    static final String DEBITS = "/bank/v1/debits";
    static final String DEBIT = "/bank/v1/debits/{instructionId}";
    static final String STATEMENT = "/bank/v1/statements/{date}";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DepartmentHttp http;
    private final DepartmentGuard payments;
    private final DepartmentGuard queries;

    /**
     * @param payments the guard of the instruction; it must not retry
     * @param queries the guard of the status and statement queries
     */
    public BankSettlementClient(DepartmentHttp http, DepartmentGuard payments, DepartmentGuard queries) {
        this.http = Objects.requireNonNull(http, "http");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.queries = Objects.requireNonNull(queries, "queries");
        if (payments.retries()) {
            throw new IllegalArgumentException("a payment instruction is never retried without asking the bank first");
        }
    }

    /** Sends the instruction once. Never throws for what the bank or the network did: see {@link PaymentAnswer}. */
    public PaymentAnswer pay(PaymentOrder order) {
        Objects.requireNonNull(order, "order");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructionId", order.instructionId().value());
        body.put("amountFen", order.amount().fen());
        body.put("currency", "CNY");
        body.put("payeeAccount", order.payeeAccount().value());
        body.put("payeeName", order.payeeName());
        body.put("remark", order.remark());
        return send(order.instructionId(), order.amount(), body, PAYMENTS);
    }

    /**
     * Sends the debit instruction once, on the same guard as payments (never retried). Never throws for what the bank
     * or the network did: see {@link PaymentAnswer}, which reads the same for a debit.
     */
    public PaymentAnswer debit(DebitOrder order) {
        Objects.requireNonNull(order, "order");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructionId", order.instructionId().value());
        body.put("amountFen", order.amount().fen());
        body.put("currency", "CNY");
        body.put("payerAccount", order.payerAccount().value());
        body.put("payerName", order.payerName());
        body.put("remark", order.remark());
        return send(order.instructionId(), order.amount(), body, DEBITS);
    }

    private PaymentAnswer send(InstructionId instructionId, Money amount, Map<String, Object> body, String path) {
        Map<String, String> headers = Map.of(IDEMPOTENCY_KEY, instructionId.value());
        try {
            return payments.call(() -> http.post(answer -> readInstruction(answer, instructionId, amount), body, headers, path));
        } catch (DepartmentUnavailable e) {
            return e.requestMayHaveArrived() ? new PaymentAnswer.OutcomeUnknown(e.reasonCode(), e.reason())
                    : new PaymentAnswer.NotReceived(e.reasonCode(), e.reason());
        } catch (DepartmentAnswerGarbled e) {
            return new PaymentAnswer.OutcomeUnknown(e.reasonCode(), e.reason());
        } catch (DepartmentRefusedRequest e) {
            // 401, 403, 404 …: the bank did not take the instruction in; it can go once the cause is fixed
            return new PaymentAnswer.NotReceived(e.reasonCode(), e.reason());
        }
    }

    /**
     * What the bank knows of the instruction. {@link InstructionStatus.NotFound} only on the bank's explicit
     * {@code INSTRUCTION_NOT_FOUND}: any other 404 is not taken for "never received".
     *
     * @throws DepartmentException when the bank gives no usable answer
     */
    public InstructionStatus status(InstructionId instructionId) {
        Objects.requireNonNull(instructionId, "instructionId");
        return queries.call(() -> http.get(answer -> readStatus(answer, instructionId), PAYMENT, instructionId.value()));
    }

    /**
     * What the bank knows of the debit instruction, read as {@link #status}: {@link InstructionStatus.NotFound} only on
     * the bank's explicit {@code INSTRUCTION_NOT_FOUND}.
     *
     * @throws DepartmentException when the bank gives no usable answer
     */
    public InstructionStatus debitStatus(InstructionId instructionId) {
        Objects.requireNonNull(instructionId, "instructionId");
        return queries.call(() -> http.get(answer -> readStatus(answer, instructionId), DEBIT, instructionId.value()));
    }

    /**
     * The statement of {@code day}'s payments.
     *
     * @throws DepartmentException when the bank gives no usable answer
     */
    public BankStatement statement(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return queries.call(() -> http.get(answer -> readStatement(answer, day), STATEMENT, day.toString()));
    }

    private static PaymentAnswer readInstruction(Answer answer, InstructionId instructionId, Money amount) {
        if (answer.status() == 400 || answer.status() == 422) {
            return new PaymentAnswer.Rejected(answer.problemCode().orElse("HTTP_" + answer.status()),
                    answer.problemField("detail").orElse("银行拒绝了该支付指令（HTTP " + answer.status() + "）"));
        }
        if (answer.status() == 409) {
            // the key is known to the bank with another instruction: only asking tells what was executed
            return new PaymentAnswer.OutcomeUnknown(answer.problemCode().orElse("IDEMPOTENCY_CONFLICT"),
                    answer.problemField("detail").orElse("银行称该幂等键已用于另一指令"));
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("instructionId", instructionId.value());
        if (json.has("amountFen") && json.wholeNumber("amountFen") != amount.fen()) {
            throw json.invalid("amountFen");
        }
        BankPaymentStatus status = json.constant("status", BankPaymentStatus.class);
        if (status.isFailed()) {
            return new PaymentAnswer.Rejected(json.optionalText("code").orElse(status.name()),
                    json.optionalText("detail").orElse("银行拒绝了该支付指令"));
        }
        return new PaymentAnswer.Accepted(json.text("bankReference"), status, json.optionalInstant("settledAt").orElse(null));
    }

    private static InstructionStatus readStatus(Answer answer, InstructionId asked) {
        if (answer.isProblem(404, "INSTRUCTION_NOT_FOUND")) {
            return new InstructionStatus.NotFound();
        }
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("instructionId", asked.value());
        return new InstructionStatus.Known(json.constant("status", BankPaymentStatus.class),
                json.optionalText("bankReference").orElse(null), json.optionalInstant("settledAt").orElse(null),
                json.optionalText("failureCode").orElse(null));
    }

    private static BankStatement readStatement(Answer answer, LocalDate day) {
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("statementDate", day.toString());
        return new BankStatement(day, json.objects("entries").stream().map(line -> {
            long fen = line.wholeNumber("amountFen");
            if (fen <= 0) {
                throw line.invalid("amountFen");
            }
            return new BankStatement.Line(line.parsed("instructionId", InstructionId::of),
                    line.optionalText("bankReference").orElse(null), Money.ofFen(fen),
                    line.constant("status", BankPaymentStatus.class), line.optionalInstant("settledAt").orElse(null));
        }).toList());
    }
}
