package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * An account whose stored balance differs from the sum of its ledger (账实不符), found by {@link Reconciliation}.
 *
 * @param accountNumber the personal account number (个人账号)
 * @param storedBalance the balance stored on the account, zero when none is stored
 * @param ledgerBalance the sum of the account's ledger entries, zero when it has no ledger
 * @param kind which side is missing, if one is
 */
public record BalanceMismatch(String accountNumber, Money storedBalance, Money ledgerBalance, Kind kind) {

    /** What kind of mismatch. */
    public enum Kind {
        /** Both sides are there and differ. */
        DIFFERENT_BALANCE,
        /** A balance is stored, but the account has no ledger. */
        NO_LEDGER,
        /** A ledger exists, but no balance is stored for the account. */
        NO_STORED_BALANCE
    }

    public BalanceMismatch {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(storedBalance, "storedBalance");
        Objects.requireNonNull(ledgerBalance, "ledgerBalance");
        Objects.requireNonNull(kind, "kind");
    }

    /** Stored minus ledger: positive when the account shows more than its entries add up to. */
    public Money difference() {
        return storedBalance.minus(ledgerBalance);
    }
}
