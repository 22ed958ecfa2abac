package cn.tongban.center.account;

import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.Ledger;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's provident-fund account at this center (个人账户), stored as one document whose {@code _id} is the
 * account number and which carries its own ledger (个人明细账), so that a balance change and the entry that
 * explains it are one single-document write (docs/adr/0007).
 *
 * @param accountNumber personal account number (个人账号, GRZH); the document's {@code _id}
 * @param contributionBase monthly contribution base (缴存基数, GRJCJS)
 * @param balance the balance (个人账户余额) as stored beside the entries; always written together with them, and
 *        checked against their sum by the reconciliation job. {@code null} when a legacy record gave none
 * @param contributions the months paid (缴存明细), in any order; the money of each month is also a ledger entry
 * @param loans provident-fund loans taken at this center
 * @param bankAccount the person's bank card (银行卡号) withdrawals are paid into, {@code null} when none is known
 * @param entries the ledger (个人明细账), in the order booked; see {@link #ledger()}
 * @param rev the revision, raised by every write; writes compare and set it
 */
public record PersonalAccount(String accountNumber, IdentityNumber identityNumber, String name,
                              String employerAccountNumber, String employerName, LocalDate openedOn,
                              AccountState state, Money contributionBase, BigDecimal unitRate,
                              BigDecimal personalRate, Money balance, List<ContributionMonth> contributions,
                              List<LoanRecord> loans, String bankAccount, List<LedgerEntry> entries, long rev) {

    /** Serial number prefix of the entry that carries over a balance taken from an older system (期初余额结转). */
    public static final String CARRIED_OVER = "JZ-";

    public PersonalAccount {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(identityNumber, "identityNumber");
        Objects.requireNonNull(state, "state");
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        loans = loans == null ? List.of() : List.copyOf(loans);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * An account as an older system hands it over: a balance without its entries. The balance becomes one entry
     * carried over (期初余额结转, business type 99) on the opening day, so that the ledger still sums to it.
     */
    public PersonalAccount(String accountNumber, IdentityNumber identityNumber, String name,
                           String employerAccountNumber, String employerName, LocalDate openedOn,
                           AccountState state, Money contributionBase, BigDecimal unitRate,
                           BigDecimal personalRate, Money balance, List<ContributionMonth> contributions,
                           List<LoanRecord> loans) {
        this(accountNumber, identityNumber, name, employerAccountNumber, employerName, openedOn, state,
                contributionBase, unitRate, personalRate, balance, contributions, loans, null,
                carriedOver(accountNumber, balance, openedOn), 0);
    }

    /** A new account with its ledger: the balance is the entries' sum. */
    public static PersonalAccount withLedger(String accountNumber, IdentityNumber identityNumber, String name,
                                             String employerAccountNumber, String employerName, LocalDate openedOn,
                                             AccountState state, Money contributionBase, BigDecimal unitRate,
                                             BigDecimal personalRate, List<ContributionMonth> contributions,
                                             List<LoanRecord> loans, String bankAccount, List<LedgerEntry> entries) {
        Money balance = Ledger.replay(accountNumber, entries).balance();
        return new PersonalAccount(accountNumber, identityNumber, name, employerAccountNumber, employerName, openedOn,
                state, contributionBase, unitRate, personalRate, balance, contributions, loans, bankAccount, entries, 0);
    }

    /** The one entry that carries a legacy balance over, none for a balance of zero or none. */
    public static List<LedgerEntry> carriedOver(String accountNumber, Money balance, LocalDate on) {
        if (balance == null || balance.fen() <= 0) {
            return List.of();
        }
        return List.of(LedgerEntry.credit(CARRIED_OVER + accountNumber, on == null ? LEGACY_DAY : on,
                BusinessType.OTHER, balance));
    }

    /** The day a legacy balance is carried over when the older system did not say when the account was opened. */
    public static final LocalDate LEGACY_DAY = LocalDate.of(1991, 5, 1);

    /** The same account with a bank card. */
    public PersonalAccount withBankAccount(String bankAccount) {
        return new PersonalAccount(accountNumber, identityNumber, name, employerAccountNumber, employerName, openedOn,
                state, contributionBase, unitRate, personalRate, balance, contributions, loans, bankAccount, entries, rev);
    }

    /**
     * The ledger rebuilt from the stored entries; its balance is the account's balance by definition.
     *
     * @throws IllegalArgumentException when the stored entries are not a ledger (the store is corrupt)
     */
    public Ledger ledger() {
        return Ledger.replay(accountNumber, entries);
    }

    /** The balance as the sum of the entries (what {@link #balance} must equal). */
    public Money ledgerBalance() {
        long fen = 0;
        for (LedgerEntry entry : entries) {
            fen += entry.amount().fen();
        }
        return Money.ofFen(fen);
    }

    /** Monthly amount (月缴存额) = base × unit rate + base × personal rate, each part rounded to the fen. */
    public Money monthlyAmount() {
        return contributionBase.timesPercent(unitRate).plus(contributionBase.timesPercent(personalRate));
    }

    /** The last month paid (缴至年月), if any. */
    public Optional<YearMonth> paidUpTo() {
        return contributions.stream().map(ContributionMonth::month).max(Comparator.naturalOrder());
    }
}
