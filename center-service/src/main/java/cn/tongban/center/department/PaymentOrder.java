package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * A payment instruction as the bank receives it (支付指令): pay {@code amount} from the center's settlement account to
 * the payee's card.
 *
 * @param remark the text on the payee's statement (附言), e.g. {@code 住房公积金提取}
 */
public record PaymentOrder(InstructionId instructionId, Money amount, BankAccountNumber payeeAccount, String payeeName,
                           String remark) {

    public PaymentOrder {
        Objects.requireNonNull(instructionId, "instructionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payeeAccount, "payeeAccount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a payment is of a positive amount: " + amount);
        }
        if (payeeName == null || payeeName.isBlank()) {
            throw new IllegalArgumentException("a payment names its payee");
        }
    }
}
