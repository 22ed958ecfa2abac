package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The bank's statement of one day's payments from the center's settlement account (银行对账单), what the daily
 * reconciliation compares the center's records with.
 */
public record BankStatement(LocalDate date, List<Line> lines) {

    public BankStatement {
        Objects.requireNonNull(date, "date");
        lines = List.copyOf(lines);
    }

    /**
     * One payment on the statement.
     *
     * @param status {@link BankPaymentStatus#SETTLED}, or {@link BankPaymentStatus#RETURNED} for one that came back
     */
    public record Line(InstructionId instructionId, String bankReference, Money amount, BankPaymentStatus status,
                       Instant settledAt) {

        public Line {
            Objects.requireNonNull(instructionId, "instructionId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(status, "status");
        }
    }
}
