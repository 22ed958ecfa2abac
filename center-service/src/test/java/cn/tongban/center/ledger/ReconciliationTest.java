package cn.tongban.center.ledger;

import static cn.tongban.center.ledger.BusinessType.PARTIAL_WITHDRAWAL;
import static cn.tongban.center.ledger.BusinessType.REMITTANCE;
import static cn.tongban.center.ledger.LedgerBuilder.aLedgerOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private final Ledger a = aLedgerOf("A001").credit("2025-01-15", REMITTANCE, "2400.00").build();
    private final Ledger b = aLedgerOf("B002").credit("2025-01-15", REMITTANCE, "3000.00")
            .debit("2025-02-01", PARTIAL_WITHDRAWAL, "1000.00").build();
    private final Ledger c = aLedgerOf("C003").credit("2025-01-15", REMITTANCE, "500.00").build();

    @Test
    void balancesThatMatchTheirLedgersGiveNoMismatch() {
        assertThat(Reconciliation.reconcile(
                Map.of("A001", Money.parse("2400.00"), "B002", Money.parse("2000.00"), "NEW9", Money.ZERO),
                List.of(a, b))).isEmpty();
    }

    @Test
    void everyMismatchIsListedByAccountWithBothFigures() {
        List<BalanceMismatch> mismatches = Reconciliation.reconcile(
                Map.of("A001", Money.parse("2400.00"), "B002", Money.parse("3000.00"), "D004", Money.parse("10.00")),
                List.of(c, b, a));

        assertThat(mismatches).containsExactly(
                new BalanceMismatch("B002", Money.parse("3000.00"), Money.parse("2000.00"), BalanceMismatch.Kind.DIFFERENT_BALANCE),
                new BalanceMismatch("C003", Money.ZERO, Money.parse("500.00"), BalanceMismatch.Kind.NO_STORED_BALANCE),
                new BalanceMismatch("D004", Money.parse("10.00"), Money.ZERO, BalanceMismatch.Kind.NO_LEDGER));
        assertThat(mismatches.get(0).difference()).isEqualTo(Money.parse("1000.00"));
        assertThat(mismatches.get(1).difference()).isEqualTo(Money.parse("-500.00"));
    }
}
