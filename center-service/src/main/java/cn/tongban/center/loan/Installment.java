package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One monthly installment of a repayment schedule (还款计划的一期).
 *
 * @param number 期次, from 1
 * @param dueDate 应还日期
 * @param rate the annual rate this installment's interest is computed at
 * @param principal 应还本金
 * @param interest 应还利息
 * @param outstandingAfter the principal still owed once this installment is paid (剩余本金)
 */
public record Installment(int number, LocalDate dueDate, AnnualRate rate, Money principal, Money interest,
                          Money outstandingAfter) {

    public Installment {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(outstandingAfter, "outstandingAfter");
        if (number < 1) {
            throw new IllegalArgumentException("installments are numbered from 1");
        }
        if (principal.isNegative() || interest.isNegative() || outstandingAfter.isNegative()) {
            throw new IllegalArgumentException("installment " + number + " has a negative part");
        }
    }

    /** 应还本息: principal and interest. */
    public Money total() {
        return principal.plus(interest);
    }
}
