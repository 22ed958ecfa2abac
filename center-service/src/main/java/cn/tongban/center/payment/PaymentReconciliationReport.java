package cn.tongban.center.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of one day's payment reconciliation (对账结果), kept in {@code payment_reconciliations} under the day: a
 * second run of the same day replaces the first.
 *
 * @param id the day, {@code 2026-11-25}
 * @param statementLines lines on the bank's statement
 * @param ledgerEntries ledger entries compared
 * @param instructions instructions compared
 */
public record PaymentReconciliationReport(String id, LocalDate day, Instant reconciledAt, int statementLines,
                                          int ledgerEntries, int instructions, List<PaymentMismatch> mismatches) {

    public PaymentReconciliationReport {
        Objects.requireNonNull(day, "day");
        id = day.toString();
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
    }

    /** 账实相符: nothing to clear. */
    public boolean isBalanced() {
        return mismatches.isEmpty();
    }
}
