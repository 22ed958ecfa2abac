package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One change of a personal account's balance (个人明细账的一笔). Entries are never edited: a mistake is
 * corrected by a reversing entry (冲账) that names the entry it cancels and moves the same amount back.
 *
 * @param serialNumber the business serial number (业务流水号, YWLSH), unique within the ledger
 * @param date the day the change takes effect (记账日期); it counts in that day's closing balance, except
 *        that interest credited on a day earns interest from the next day (see {@link InterestSettlement})
 * @param type the business (业务类型); it must move money
 * @param amount signed: positive adds to the balance, negative takes from it; never zero
 * @param reversalFlag 非冲账 or 冲账
 * @param reverses the serial number of the entry this one reverses; null for an original entry
 */
public record LedgerEntry(String serialNumber, LocalDate date, BusinessType type, Money amount,
                          ReversalFlag reversalFlag, String reverses) {

    public LedgerEntry {
        if (serialNumber == null || serialNumber.isBlank()) {
            throw new IllegalArgumentException("a ledger entry has a serial number");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reversalFlag, "reversalFlag");
        if (!type.movesMoney()) {
            throw new IllegalArgumentException(type.code() + " " + type.chinese() + " moves no money and is not a ledger entry");
        }
        if (amount.fen() == 0) {
            throw new IllegalArgumentException("a ledger entry moves money: the amount is not zero");
        }
        boolean reversal = reversalFlag == ReversalFlag.REVERSAL;
        if (reversal && (reverses == null || reverses.isBlank())) {
            throw new IllegalArgumentException("a reversing entry names the entry it reverses");
        }
        if (!reversal && reverses != null) {
            throw new IllegalArgumentException("only a reversing entry names another entry");
        }
        if (reversal && reverses.equals(serialNumber)) {
            throw new IllegalArgumentException("an entry cannot reverse itself");
        }
        // an original entry goes the type's way, its reversal the other way
        boolean adds = amount.fen() > 0;
        if (type.direction() == BusinessType.Direction.IN && adds == reversal
                || type.direction() == BusinessType.Direction.OUT && adds != reversal) {
            throw new IllegalArgumentException((reversal ? "the reversal of " : "") + type.code() + " " + type.chinese()
                    + (type.direction() == BusinessType.Direction.IN != reversal ? " adds to" : " takes from")
                    + " the balance; " + amount + " goes the other way");
        }
    }

    /** An original entry that adds {@code amount} (positive) to the balance. */
    public static LedgerEntry credit(String serialNumber, LocalDate date, BusinessType type, Money amount) {
        requirePositive(amount);
        return new LedgerEntry(serialNumber, date, type, amount, ReversalFlag.ORIGINAL, null);
    }

    /** An original entry that takes {@code amount} (positive) from the balance. */
    public static LedgerEntry debit(String serialNumber, LocalDate date, BusinessType type, Money amount) {
        requirePositive(amount);
        return new LedgerEntry(serialNumber, date, type, Money.ZERO.minus(amount), ReversalFlag.ORIGINAL, null);
    }

    /** The entry that cancels {@code original}: same type, the amount moved back, booked on {@code date}. */
    public static LedgerEntry reversalOf(LedgerEntry original, String serialNumber, LocalDate date) {
        Objects.requireNonNull(original, "original");
        return new LedgerEntry(serialNumber, date, original.type(), Money.ZERO.minus(original.amount()),
                ReversalFlag.REVERSAL, original.serialNumber());
    }

    public boolean isReversal() {
        return reversalFlag == ReversalFlag.REVERSAL;
    }

    private static void requirePositive(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("give the amount as a positive sum; credit or debit says the direction: " + amount);
        }
    }
}
