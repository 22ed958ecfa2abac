package cn.tongban.center.account;

import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger of a personal account (个人明细账) as the information query shows it: the balance, the sum of the
 * entries it is checked against, and the latest entries, newest first, each with the balance after it.
 *
 * @param entryCount how many entries the ledger holds in all
 */
public record LedgerView(String accountNumber, Money balance, Money sumOfEntries, int entryCount, List<Line> entries) {

    /**
     * One entry (明细) with the national codes: business type (GJHTQYWLX) and reversal flag (CZBZ).
     *
     * @param balanceAfter the balance after this entry (余额)
     */
    public record Line(String serialNumber, LocalDate date, String typeCode, String type, Money amount,
                       String reversalFlag, String reverses, Money balanceAfter) {
    }

    /** @param limit how many of the latest entries to include */
    public static LedgerView of(PersonalAccount account, int limit) {
        List<LedgerEntry> entries = account.entries();
        Line[] lines = new Line[entries.size()];
        long running = 0;
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            running += e.amount().fen();
            lines[i] = new Line(e.serialNumber(), e.date(), e.type().code(), e.type().chinese(), e.amount(),
                    e.reversalFlag().code(), e.reverses(), Money.ofFen(running));
        }
        int from = Math.max(0, lines.length - limit);
        List<Line> latest = new java.util.ArrayList<>(lines.length - from);
        for (int i = lines.length - 1; i >= from; i--) {
            latest.add(lines[i]);
        }
        return new LedgerView(account.accountNumber(), account.balance(), Money.ofFen(running), entries.size(), latest);
    }
}
