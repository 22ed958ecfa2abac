package cn.tongban.center.loan;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How much of an installment has been paid (还款情况). Payments go to the oldest installment first, and within
 * an installment to its interest before its principal (先息后本).
 */
public record InstallmentStatus(Installment installment, Money principalPaid, Money interestPaid) {

    public InstallmentStatus {
        Objects.requireNonNull(installment, "installment");
        Objects.requireNonNull(principalPaid, "principalPaid");
        Objects.requireNonNull(interestPaid, "interestPaid");
    }

    public Money unpaidPrincipal() {
        return installment.principal().minus(principalPaid);
    }

    public Money unpaidInterest() {
        return installment.interest().minus(interestPaid);
    }

    public Money unpaid() {
        return unpaidPrincipal().plus(unpaidInterest());
    }

    public boolean isPaid() {
        return unpaid().fen() == 0;
    }

    /** Due on or before {@code day}. */
    public boolean isDueBy(LocalDate day) {
        return !installment.dueDate().isAfter(day);
    }

    /** Unpaid after its due date: on {@code day} it is overdue (逾期). */
    public boolean isOverdueOn(LocalDate day) {
        return !isPaid() && installment.dueDate().isBefore(day);
    }
}
