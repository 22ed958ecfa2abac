package cn.tongban.center.demo;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ledger (个人明细账) of a demo account, made from its months paid: each month a remittance (汇缴) booked on the
 * 15th, a back payment (补缴) the month after, and a closed account's balance taken out by the business that closed it
 * (销户提取 or 外部转出) the month after its last contribution. The serial numbers are derived from the account and
 * the month, as a collection run would derive them.
 */
final class DemoLedger {

    private DemoLedger() {
    }

    static List<LedgerEntry> of(String accountNumber, List<ContributionMonth> months, AccountState state, YearMonth last) {
        List<LedgerEntry> entries = new ArrayList<>(months.size() + 1);
        for (int i = 0; i < months.size(); i++) {
            ContributionMonth month = months.get(i);
            String yyyymm = String.valueOf(month.month().getYear() * 100 + month.month().getMonthValue());
            entries.add(month.backPayment()
                    ? LedgerEntry.credit("BJ-" + accountNumber + "-" + yyyymm + "-" + i, backPaidOn(month, last),
                    BusinessType.BACK_PAYMENT, month.amount())
                    : LedgerEntry.credit("HJ-" + accountNumber + "-" + yyyymm, month.month().atDay(15),
                    BusinessType.REMITTANCE, month.amount()));
        }
        entries.sort(Comparator.comparing(LedgerEntry::date));
        long total = entries.stream().mapToLong(e -> e.amount().fen()).sum();
        if (state.isClosed() && total > 0) {
            BusinessType closing = state == AccountState.TRANSFERRED_OUT ? BusinessType.TRANSFER_OUT
                    : state == AccountState.WITHDRAWN_CLOSED ? BusinessType.CLOSING_WITHDRAWAL : BusinessType.OTHER;
            entries.add(LedgerEntry.debit("XH-" + accountNumber, last.plusMonths(1).atDay(10), closing, Money.ofFen(total)));
        }
        return entries;
    }

    /** A month paid late is paid the month after; a top-up after the last month collected, at its end. */
    private static LocalDate backPaidOn(ContributionMonth month, YearMonth last) {
        return month.month().isBefore(last) ? month.month().plusMonths(1).atDay(16) : last.atDay(20);
    }

    /**
     * The same account with a compact history: what was booked before {@code from} carried over in one entry
     * (上年结转) on that day, the months paid before it dropped. Balance and the latest months stay as they were.
     */
    static PersonalAccount compact(PersonalAccount account, LocalDate from) {
        long carried = 0;
        List<LedgerEntry> kept = new ArrayList<>();
        for (LedgerEntry entry : account.entries()) {
            if (entry.date().isBefore(from)) {
                carried += entry.amount().fen();
            } else {
                kept.add(entry);
            }
        }
        List<LedgerEntry> entries = new ArrayList<>(PersonalAccount.carriedOver(account.accountNumber(), Money.ofFen(carried), from));
        entries.addAll(kept);
        YearMonth first = YearMonth.from(from);
        List<ContributionMonth> months = account.contributions().stream().filter(m -> !m.month().isBefore(first)).toList();
        return new PersonalAccount(account.accountNumber(), account.identityNumber(), account.name(),
                account.employerAccountNumber(), account.employerName(), account.openedOn(), account.state(),
                account.contributionBase(), account.unitRate(), account.personalRate(), account.balance(), months,
                account.loans(), account.bankAccount(), entries, 0);
    }
}
