package cn.tongban.center.transfer;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.PaymentOrder;
import cn.tongban.center.payment.BankInstruction;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.center.payment.PaymentTransition;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The bank instruction that moves a transfer's money from this center's settlement account to the new center's
 * (转移资金划拨), one document in {@code transfer_instructions}, sent at most once by {@code BankInstructions}.
 *
 * @param id {@code TR-<contact letter>}: the document's {@code _id} and the bank's instruction id and idempotency key
 */
public record TransferInstruction(String id, String contactLetter, String caseId, String payeeAccount,
                                  String payeeName, Money amount, PaymentState state, int sends, String bankReference,
                                  String failureCode, String failureReason, Instant requestedAt, Instant updatedAt,
                                  Instant settledAt, List<PaymentTransition> history) implements BankInstruction {

    static final String PREFIX = "TR-";
    static final String REMARK = "住房公积金异地转移接续";

    public TransferInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        history = history == null ? List.of() : List.copyOf(history);
    }

    static InstructionId idOf(ContactLetterNumber letter) {
        return InstructionId.of(PREFIX + letter.value());
    }

    static TransferInstruction requested(ContactLetterNumber letter, String caseId, BankAccountNumber payee,
                                         String payeeName, Money amount, Instant now) {
        return new TransferInstruction(idOf(letter).value(), letter.value(), caseId, payee.value(), payeeName, amount,
                PaymentState.REQUESTED, 0, null, null, null, now, now, null,
                List.of(new PaymentTransition(now, null, PaymentState.REQUESTED, "登记转移资金划拨 " + amount + " 元")));
    }

    @Override
    public InstructionId instructionId() {
        return InstructionId.of(id);
    }

    /** Whether it pays the same as {@code other}: same amount to the same account. */
    boolean sameAs(TransferInstruction other) {
        return id.equals(other.id) && amount.equals(other.amount) && payeeAccount.equals(other.payeeAccount);
    }

    PaymentOrder order() {
        return new PaymentOrder(instructionId(), amount, BankAccountNumber.of(payeeAccount), payeeName, REMARK);
    }
}
