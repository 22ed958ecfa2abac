package cn.tongban.center.ledger;

import cn.tongban.contracts.Money;
import java.time.LocalDate;

/** Test data: a ledger built entry by entry, serial numbers given in order (YW0001, YW0002 …). */
final class LedgerBuilder {

    private Ledger ledger;
    private int serial;

    private LedgerBuilder(String accountNumber) {
        this.ledger = Ledger.empty(accountNumber);
    }

    static LedgerBuilder aLedger() {
        return new LedgerBuilder("110000000001");
    }

    static LedgerBuilder aLedgerOf(String accountNumber) {
        return new LedgerBuilder(accountNumber);
    }

    LedgerBuilder credit(String day, BusinessType type, String yuan) {
        return post(LedgerEntry.credit(nextSerial(), LocalDate.parse(day), type, Money.parse(yuan)));
    }

    LedgerBuilder debit(String day, BusinessType type, String yuan) {
        return post(LedgerEntry.debit(nextSerial(), LocalDate.parse(day), type, Money.parse(yuan)));
    }

    LedgerBuilder reverse(String serialNumber, String day) {
        Posting posting = ledger.reverse(serialNumber, nextSerial(), LocalDate.parse(day));
        ledger = ((Posting.Posted) posting).ledger();
        return this;
    }

    private LedgerBuilder post(LedgerEntry entry) {
        Posting posting = ledger.post(entry);
        if (!(posting instanceof Posting.Posted posted)) {
            throw new IllegalStateException("test data refused: " + posting);
        }
        ledger = posted.ledger();
        return this;
    }

    String nextSerial() {
        return "YW%04d".formatted(++serial);
    }

    Ledger build() {
        return ledger;
    }
}
