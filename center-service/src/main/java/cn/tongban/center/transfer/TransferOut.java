package cn.tongban.center.transfer;

import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import cn.tongban.contracts.transfer.TransferOutFacts;
import cn.tongban.contracts.transfer.TransferredEntry;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transfer-out of one account (外部转出) as the ledger records it: the interest settled on the transfer day and the
 * transfer-out entry, each keyed on the contact letter, and the facts the new center receives.
 */
public final class TransferOut {

    /** Months before the paid-up-to month, itself included, that must all be paid to count as continuous. */
    static final int CONTINUITY_MONTHS = 6;

    private TransferOut() {
    }

    /** Serial number of the interest settled on transfer (销户结息). */
    public static String interestSerial(ContactLetterNumber letter) {
        return "XJ-" + letter.value();
    }

    /** Serial number of the transfer-out entry (外部转出, business type 07) at the old center. */
    public static String outSerial(ContactLetterNumber letter) {
        return "ZC-" + letter.value();
    }

    /** Serial number of the transfer-in entry (外部转入, business type 08) at the new center. */
    public static String inSerial(ContactLetterNumber letter) {
        return "ZR-" + letter.value();
    }

    /**
     * The facts of an account whose ledger holds the transfer-out entry of {@code letter}: amount = what that entry took,
     * interest = the entry settled on transfer (zero when there was nothing to settle), principal = the difference.
     *
     * @throws IllegalStateException when the transfer-out entry is not in the ledger
     */
    public static TransferOutFacts facts(PersonalAccount closed, ContactLetterNumber letter, boolean fraudRecorded) {
        LedgerEntry out = closed.entries().stream().filter(e -> e.serialNumber().equals(outSerial(letter))).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + closed.accountNumber() + " has no entry "
                        + outSerial(letter)));
        Money amount = Money.ZERO.minus(out.amount());
        Money interest = closed.entries().stream().filter(e -> e.serialNumber().equals(interestSerial(letter)))
                .map(LedgerEntry::amount).findFirst().orElse(Money.ZERO);
        YearMonth paidUpTo = closed.paidUpTo().orElse(null);
        return new TransferOutFacts(closed.accountNumber(), amount.minus(interest), interest, amount,
                closed.openedOn() == null ? null : YearMonth.from(closed.openedOn()), paidUpTo,
                continuous(closed.contributions(), paidUpTo), closed.loans().size(),
                closed.loans().stream().anyMatch(loan -> !loan.isRepaid()), fraudRecorded);
    }

    /** Whether each of the six months up to {@code paidUpTo} was paid. */
    static boolean continuous(List<ContributionMonth> contributions, YearMonth paidUpTo) {
        if (paidUpTo == null) {
            return false;
        }
        Set<YearMonth> paid = contributions.stream().map(ContributionMonth::month).collect(Collectors.toSet());
        for (int i = 0; i < CONTINUITY_MONTHS; i++) {
            if (!paid.contains(paidUpTo.minusMonths(i))) {
                return false;
            }
        }
        return true;
    }

    /** The old ledger as the new center keeps it. */
    public static List<TransferredEntry> history(PersonalAccount closed) {
        return closed.entries().stream()
                .map(e -> new TransferredEntry(e.serialNumber(), e.date(), e.type().code(), e.amount())).toList();
    }

}
