package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reconciliation of stored balances with the ledgers (余额与明细账核对): every account whose stored balance
 * is not the sum of its entries. A missing side counts as zero: an account without a ledger whose stored balance
 * is zero is in order (a new account), and so is a ledger summing to zero with no stored balance.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /**
     * @param storedBalances stored balance by personal account number
     * @param ledgers the ledgers, at most one per account
     * @return the mismatches, by account number
     */
    public static List<BalanceMismatch> reconcile(Map<String, Money> storedBalances, Collection<Ledger> ledgers) {
        Objects.requireNonNull(storedBalances, "storedBalances");
        Objects.requireNonNull(ledgers, "ledgers");
        Map<String, Ledger> byAccount = new HashMap<>();
        for (Ledger ledger : ledgers) {
            if (byAccount.put(ledger.accountNumber(), ledger) != null) {
                throw new IllegalArgumentException("two ledgers for account " + ledger.accountNumber());
            }
        }
        TreeSet<String> accounts = new TreeSet<>(storedBalances.keySet());
        accounts.addAll(byAccount.keySet());
        List<BalanceMismatch> mismatches = new ArrayList<>();
        for (String account : accounts) {
            Money stored = storedBalances.get(account);
            Ledger ledger = byAccount.get(account);
            Money ledgerBalance = ledger == null ? Money.ZERO : ledger.balance();
            Money storedBalance = stored == null ? Money.ZERO : stored;
            if (storedBalance.equals(ledgerBalance)) {
                continue;
            }
            BalanceMismatch.Kind kind = stored == null ? BalanceMismatch.Kind.NO_STORED_BALANCE
                    : ledger == null ? BalanceMismatch.Kind.NO_LEDGER : BalanceMismatch.Kind.DIFFERENT_BALANCE;
            mismatches.add(new BalanceMismatch(account, storedBalance, ledgerBalance, kind));
        }
        return List.copyOf(mismatches);
    }
}
