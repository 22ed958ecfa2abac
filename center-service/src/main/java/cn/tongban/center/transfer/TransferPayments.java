package cn.tongban.center.transfer;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.department.InstructionStatus;
import cn.tongban.center.department.PaymentAnswer;
import cn.tongban.center.payment.BankInstructions;
import cn.tongban.center.payment.InstructionStore;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import cn.tongban.kit.messaging.OutboxWriter;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Moves a transfer's money to the new center's settlement account (转移资金划拨) with the payment package's
 * at-most-once discipline: the instruction {@code TR-<contact letter>} is recorded first, sent by whoever claims it,
 * and an unknown outcome is settled by asking the bank, never by sending blindly.
 */
@Component
class TransferPayments {

    static final String COLLECTION = "transfer_instructions";

    private final Store store;
    private final BankInstructions<TransferInstruction> instructions;
    private final Clock clock;

    TransferPayments(MongoOperations mongo, OutboxWriter writer, BankSettlementClient bank,
                     DepartmentsProperties departments, Clock clock) {
        this.store = new Store(mongo, writer, clock);
        this.clock = clock;
        this.instructions = new BankInstructions<>(store, new BankInstructions.Channel<>() {
            @Override
            public PaymentAnswer submit(TransferInstruction sent) {
                return bank.pay(sent.order());
            }

            @Override
            public InstructionStatus status(InstructionId id) {
                return bank.status(id);
            }
        }, departments.bank().payments(), clock, new BankInstructions.Wording("transfer payment", "发送银行",
                "银行已清算，资金已划入转入地结算账户", "划拨失败：", "该划拨指令", "已退汇"));
    }

    /**
     * Pays the transfer of {@code letter}, or returns what became of paying it before.
     *
     * @throws IllegalStateException when the letter's instruction pays another amount or account
     */
    TransferInstruction pay(ContactLetterNumber letter, String caseId, BankAccountNumber payee, String payeeName,
                            Money amount) {
        TransferInstruction fresh = TransferInstruction.requested(letter, caseId, payee, payeeName, amount, clock.instant());
        if (store.create(fresh)) {
            return instructions.send(fresh);
        }
        TransferInstruction existing = store.find(fresh.instructionId())
                .orElseThrow(() -> new IllegalStateException("transfer instruction " + fresh.id() + " vanished"));
        if (!existing.sameAs(fresh)) {
            throw new IllegalStateException("contact letter " + letter + " already has instruction " + existing.id()
                    + " for another amount or account; a transfer is paid once");
        }
        return instructions.awaitOutcome(existing);
    }

    Optional<TransferInstruction> find(ContactLetterNumber letter) {
        return store.find(TransferInstruction.idOf(letter));
    }

    /** The instructions in their collection. */
    static final class Store extends InstructionStore<TransferInstruction> {

        Store(MongoOperations mongo, OutboxWriter writer, Clock clock) {
            super(mongo, writer, clock, COLLECTION, TransferInstruction.class);
        }
    }
}
