package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries of one personal account (个人明细账), in the order they were booked. The balance is the sum of
 * the entries and nothing else; a stored balance is checked against it by {@link Reconciliation}.
 *
 * <p>Immutable: {@link #post} answers with a new ledger or a refusal. Refused are
 * <ul>
 *   <li>a serial number already in the ledger ({@value #DUPLICATE_SERIAL});</li>
 *   <li>an entry dated before the latest entry ({@value #BACKDATED}): the ledger is kept in date order so that
 *       every day's closing balance, on which interest is computed, is final once the day has passed;</li>
 *   <li>a reversal of an entry that is not in the ledger ({@value #UNKNOWN_ENTRY}), that is itself a reversal
 *       ({@value #REVERSAL_OF_REVERSAL}: book the entry again instead), that was reversed already
 *       ({@value #ALREADY_REVERSED}), or that does not mirror it ({@value #REVERSAL_MISMATCH});</li>
 *   <li>any entry that would take the balance below zero ({@value #INSUFFICIENT_BALANCE}), including the
 *       reversal of a deposit that has since been withdrawn.</li>
 * </ul>
 */
public final class Ledger {

    public static final String DUPLICATE_SERIAL = "DUPLICATE_SERIAL";
    public static final String BACKDATED = "BACKDATED";
    public static final String UNKNOWN_ENTRY = "UNKNOWN_ENTRY";
    public static final String REVERSAL_OF_REVERSAL = "REVERSAL_OF_REVERSAL";
    public static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    public static final String REVERSAL_MISMATCH = "REVERSAL_MISMATCH";
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";

    private final String accountNumber;
    private final List<LedgerEntry> entries;
    private final Map<String, LedgerEntry> bySerial;
    /** serial number of a reversed entry → serial number of its reversal. */
    private final Map<String, String> reversedBy;
    private final Money balance;

    private Ledger(String accountNumber, List<LedgerEntry> entries, Map<String, LedgerEntry> bySerial,
                   Map<String, String> reversedBy, Money balance) {
        this.accountNumber = accountNumber;
        this.entries = entries;
        this.bySerial = bySerial;
        this.reversedBy = reversedBy;
        this.balance = balance;
    }

    /** The ledger of a new account (个人账号 {@code accountNumber}): no entries, balance zero. */
    public static Ledger empty(String accountNumber) {
        if (accountNumber == null || accountNumber.isBlank()) {
            throw new IllegalArgumentException("a ledger belongs to an account number");
        }
        return new Ledger(accountNumber, List.of(), Map.of(), Map.of(), Money.ZERO);
    }

    /**
     * A ledger rebuilt from stored entries, each posted in turn. Stored entries that the ledger would have
     * refused mean the store is corrupt; that is an error, not a decision.
     *
     * @throws IllegalArgumentException naming the first entry refused and why
     */
    public static Ledger replay(String accountNumber, List<LedgerEntry> entries) {
        Ledger ledger = empty(accountNumber);
        for (LedgerEntry entry : entries) {
            Posting posting = ledger.post(entry);
            if (posting instanceof Posting.Refused refused) {
                throw new IllegalArgumentException("the stored entry " + entry.serialNumber() + " of account " + accountNumber
                        + " is refused (" + refused.reasonCode() + "): " + refused.reason());
            }
            ledger = ((Posting.Posted) posting).ledger();
        }
        return ledger;
    }

    /** Posts {@code entry}, or refuses it with its reason; this ledger is left as it is. */
    public Posting post(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (bySerial.containsKey(entry.serialNumber())) {
            return new Posting.Refused(DUPLICATE_SERIAL, "业务流水号 " + entry.serialNumber() + " 已记账，不能重复记账");
        }
        Optional<LocalDate> latest = latestDate();
        if (latest.isPresent() && entry.date().isBefore(latest.get())) {
            return new Posting.Refused(BACKDATED, "记账日期 " + entry.date() + " 早于本账户最近一笔记账日期 " + latest.get()
                    + "，明细账不能倒记");
        }
        if (entry.isReversal()) {
            Optional<Posting.Refused> refused = refusalOfReversal(entry);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Money after = balance.plus(entry.amount());
        if (after.isNegative()) {
            return new Posting.Refused(INSUFFICIENT_BALANCE, "账户余额不足：当前余额 " + balance + " 元，本笔 " + entry.type().chinese()
                    + (entry.isReversal() ? "冲账 " : " ") + entry.amount() + " 元");
        }
        List<LedgerEntry> newEntries = new ArrayList<>(entries);
        newEntries.add(entry);
        Map<String, LedgerEntry> newBySerial = new HashMap<>(bySerial);
        newBySerial.put(entry.serialNumber(), entry);
        Map<String, String> newReversedBy = reversedBy;
        if (entry.isReversal()) {
            newReversedBy = new HashMap<>(reversedBy);
            newReversedBy.put(entry.reverses(), entry.serialNumber());
        }
        Ledger next = new Ledger(accountNumber, Collections.unmodifiableList(newEntries),
                Collections.unmodifiableMap(newBySerial), Collections.unmodifiableMap(newReversedBy), after);
        return new Posting.Posted(next, entry);
    }

    /**
     * Reverses the entry {@code serialNumberToReverse} with a new entry {@code reversalSerialNumber} booked on
     * {@code date}, or refuses as {@link #post} does.
     */
    public Posting reverse(String serialNumberToReverse, String reversalSerialNumber, LocalDate date) {
        LedgerEntry original = bySerial.get(serialNumberToReverse);
        if (original == null) {
            return unknown(serialNumberToReverse);
        }
        if (original.isReversal()) {
            return reversalOfReversal(original);
        }
        return post(LedgerEntry.reversalOf(original, reversalSerialNumber, date));
    }

    private Optional<Posting.Refused> refusalOfReversal(LedgerEntry reversal) {
        LedgerEntry original = bySerial.get(reversal.reverses());
        if (original == null) {
            return Optional.of(unknown(reversal.reverses()));
        }
        if (original.isReversal()) {
            return Optional.of(reversalOfReversal(original));
        }
        if (reversedBy.containsKey(original.serialNumber())) {
            return Optional.of(new Posting.Refused(ALREADY_REVERSED, "业务流水号 " + original.serialNumber()
                    + " 已由 " + reversedBy.get(original.serialNumber()) + " 冲账，不能重复冲账"));
        }
        if (original.type() != reversal.type() || original.amount().plus(reversal.amount()).fen() != 0) {
            return Optional.of(new Posting.Refused(REVERSAL_MISMATCH, "冲账记录须与原业务 " + original.serialNumber()
                    + " 业务类型相同、金额相反（原业务 " + original.type().chinese() + " " + original.amount() + " 元）"));
        }
        return Optional.empty();
    }

    private static Posting.Refused reversalOfReversal(LedgerEntry reversal) {
        return new Posting.Refused(REVERSAL_OF_REVERSAL, "业务流水号 " + reversal.serialNumber()
                + " 本身是冲账记录，不能再冲；如需恢复原业务，请重新记账");
    }

    private static Posting.Refused unknown(String serialNumber) {
        return new Posting.Refused(UNKNOWN_ENTRY, "本账户明细中没有业务流水号 " + serialNumber);
    }

    public String accountNumber() {
        return accountNumber;
    }

    /** All entries, in the order booked. */
    public List<LedgerEntry> entries() {
        return entries;
    }

    /** The sum of all entries. */
    public Money balance() {
        return balance;
    }

    /** The closing balance of {@code day}: the sum of the entries dated on or before it. */
    public Money balanceAt(LocalDate day) {
        long fen = 0;
        for (LedgerEntry entry : entries) {
            if (!entry.date().isAfter(day)) {
                fen += entry.amount().fen();
            }
        }
        return Money.ofFen(fen);
    }

    public Optional<LedgerEntry> entry(String serialNumber) {
        return Optional.ofNullable(bySerial.get(serialNumber));
    }

    /** Whether a reversing entry names {@code serialNumber}. */
    public boolean isReversed(String serialNumber) {
        return reversedBy.containsKey(serialNumber);
    }

    public Optional<LocalDate> latestDate() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).date());
    }

    @Override
    public String toString() {
        return "Ledger[" + accountNumber + ", " + entries.size() + " entries, balance " + balance + "]";
    }
}
