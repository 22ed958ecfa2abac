package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * A debit instruction as the bank receives it (扣款指令): take {@code amount} from the payer's card, with the payer's
 * signed debit authorisation (委托扣款), onto the center's settlement account. Payments go out to a card
 * ({@link PaymentOrder}); a debit comes in from one.
 *
 * @param remark the text on the payer's statement (附言), e.g. {@code 公积金贷款提前还清}
 */
public record DebitOrder(InstructionId instructionId, Money amount, BankAccountNumber payerAccount, String payerName,
                         String remark) {

    public DebitOrder {
        Objects.requireNonNull(instructionId, "instructionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payerAccount, "payerAccount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a debit is of a positive amount: " + amount);
        }
        if (payerName == null || payerName.isBlank()) {
            throw new IllegalArgumentException("a debit names its payer");
        }
    }
}
