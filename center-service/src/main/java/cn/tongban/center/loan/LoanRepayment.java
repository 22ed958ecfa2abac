package cn.tongban.center.loan;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment received on a loan (还款记录).
 *
 * @param serialNumber business serial number (业务流水号), unique within the loan
 * @param paidOn the day it was received
 * @param amount positive
 * @param type 正常还款, 逾期还款 or 提前还款
 */
public record LoanRepayment(String serialNumber, LocalDate paidOn, Money amount, LoanBusinessType type) {

    public LoanRepayment {
        if (serialNumber == null || serialNumber.isBlank()) {
            throw new IllegalArgumentException("a repayment has a serial number");
        }
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a repayment pays a positive amount: " + amount);
        }
    }
}
