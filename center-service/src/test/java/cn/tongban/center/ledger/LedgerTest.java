package cn.tongban.center.ledger;

import static cn.tongban.center.ledger.BusinessType.BACK_PAYMENT;
import static cn.tongban.center.ledger.BusinessType.CLOSING_WITHDRAWAL;
import static cn.tongban.center.ledger.BusinessType.PARTIAL_WITHDRAWAL;
import static cn.tongban.center.ledger.BusinessType.REMITTANCE;
import static cn.tongban.center.ledger.BusinessType.TRANSFER_IN;
import static cn.tongban.center.ledger.LedgerBuilder.aLedger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static Posting.Refused refused(Posting posting) {
        assertThat(posting).isInstanceOf(Posting.Refused.class);
        return (Posting.Refused) posting;
    }

    private static Ledger posted(Posting posting) {
        assertThat(posting).isInstanceOf(Posting.Posted.class);
        return ((Posting.Posted) posting).ledger();
    }

    @Test
    void theBalanceIsTheSumOfTheEntries() {
        // 2,400.00 + 2,400.00 + 800.00 (back payment) − 3,000.00 = 2,600.00
        Ledger ledger = aLedger()
                .credit("2025-01-15", REMITTANCE, "2400.00")
                .credit("2025-02-15", REMITTANCE, "2400.00")
                .credit("2025-02-20", BACK_PAYMENT, "800.00")
                .debit("2025-03-01", PARTIAL_WITHDRAWAL, "3000.00")
                .build();

        assertThat(ledger.balance()).isEqualTo(Money.parse("2600.00"));
        assertThat(ledger.entries()).hasSize(4);
        assertThat(ledger.balanceAt(LocalDate.of(2025, 2, 15))).isEqualTo(Money.parse("4800.00"));
        assertThat(ledger.balanceAt(LocalDate.of(2025, 1, 14))).isEqualTo(Money.ZERO);
    }

    @Test
    void postingLeavesTheLedgerAskedUnchanged() {
        Ledger before = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").build();

        Ledger after = posted(before.post(LedgerEntry.credit("YW9", LocalDate.of(2025, 2, 15), REMITTANCE, Money.parse("2400.00"))));

        assertThat(before.balance()).isEqualTo(Money.parse("2400.00"));
        assertThat(after.balance()).isEqualTo(Money.parse("4800.00"));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedWithTheFigures() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").build();

        Posting.Refused refusal = refused(ledger.post(
                LedgerEntry.debit("YW9", LocalDate.of(2025, 2, 1), PARTIAL_WITHDRAWAL, Money.parse("2400.01"))));

        assertThat(refusal.reasonCode()).isEqualTo(Ledger.INSUFFICIENT_BALANCE);
        assertThat(refusal.reason()).contains("2400.00", "-2400.01");
    }

    @Test
    void theWholeBalanceCanBeWithdrawnDownToZero() {
        Ledger ledger = aLedger().credit("2025-01-15", TRANSFER_IN, "52300.18").build();

        Ledger closed = posted(ledger.post(
                LedgerEntry.debit("YW9", LocalDate.of(2025, 2, 1), CLOSING_WITHDRAWAL, Money.parse("52300.18"))));

        assertThat(closed.balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void aCorrectionIsAReversingEntryNeverAnEdit() {
        // the February remittance was booked as 4,200.00 instead of 2,400.00
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").credit("2025-02-15", REMITTANCE, "4200.00").build();

        Ledger corrected = posted(ledger.reverse("YW0002", "YW0003", LocalDate.of(2025, 2, 18)));

        assertThat(corrected.balance()).isEqualTo(Money.parse("2400.00"));
        assertThat(corrected.entries()).extracting(LedgerEntry::serialNumber).containsExactly("YW0001", "YW0002", "YW0003");
        assertThat(corrected.entry("YW0002").orElseThrow().amount()).as("the original stays as booked").isEqualTo(Money.parse("4200.00"));
        assertThat(corrected.isReversed("YW0002")).isTrue();
        assertThat(corrected.entry("YW0003").orElseThrow().reverses()).isEqualTo("YW0002");
    }

    @Test
    void anEntryIsReversedOnlyOnce() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").reverse("YW0001", "2025-01-16").build();

        Posting.Refused refusal = refused(ledger.reverse("YW0001", "YW0099", LocalDate.of(2025, 1, 17)));

        assertThat(refusal.reasonCode()).isEqualTo(Ledger.ALREADY_REVERSED);
        assertThat(refusal.reason()).contains("YW0001", "YW0002");
    }

    @Test
    void aReversalIsNotItselfReversed() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").reverse("YW0001", "2025-01-16").build();

        assertThat(refused(ledger.reverse("YW0002", "YW0099", LocalDate.of(2025, 1, 17))).reasonCode())
                .isEqualTo(Ledger.REVERSAL_OF_REVERSAL);
    }

    @Test
    void aReversalOfAnEntryNotInTheLedgerIsRefused() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").build();

        assertThat(refused(ledger.reverse("YW7777", "YW0099", LocalDate.of(2025, 1, 17))).reasonCode())
                .isEqualTo(Ledger.UNKNOWN_ENTRY);
        LedgerEntry handMade = new LedgerEntry("YW0099", LocalDate.of(2025, 1, 17), REMITTANCE, Money.parse("-1.00"),
                ReversalFlag.REVERSAL, "YW7777");
        assertThat(refused(ledger.post(handMade)).reasonCode()).isEqualTo(Ledger.UNKNOWN_ENTRY);
    }

    @Test
    void aReversalMustMirrorTheEntryItReverses() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").build();
        LedgerEntry tooSmall = new LedgerEntry("YW0099", LocalDate.of(2025, 1, 17), REMITTANCE, Money.parse("-2000.00"),
                ReversalFlag.REVERSAL, "YW0001");
        LedgerEntry otherType = new LedgerEntry("YW0099", LocalDate.of(2025, 1, 17), BACK_PAYMENT, Money.parse("-2400.00"),
                ReversalFlag.REVERSAL, "YW0001");

        assertThat(refused(ledger.post(tooSmall)).reasonCode()).isEqualTo(Ledger.REVERSAL_MISMATCH);
        assertThat(refused(ledger.post(otherType)).reasonCode()).isEqualTo(Ledger.REVERSAL_MISMATCH);
    }

    @Test
    void reversingADepositThatWasSinceWithdrawnWouldGoBelowZeroAndIsRefused() {
        Ledger ledger = aLedger()
                .credit("2025-01-15", REMITTANCE, "2400.00")
                .debit("2025-01-20", PARTIAL_WITHDRAWAL, "2000.00")
                .build();

        assertThat(refused(ledger.reverse("YW0001", "YW0099", LocalDate.of(2025, 1, 21))).reasonCode())
                .isEqualTo(Ledger.INSUFFICIENT_BALANCE);
    }

    @Test
    void reversingAWithdrawalPutsTheMoneyBack() {
        Ledger ledger = aLedger()
                .credit("2025-01-15", REMITTANCE, "2400.00")
                .debit("2025-01-20", PARTIAL_WITHDRAWAL, "2000.00")
                .reverse("YW0002", "2025-01-21")
                .build();

        assertThat(ledger.balance()).isEqualTo(Money.parse("2400.00"));
    }

    @Test
    void aSerialNumberIsPostedOnce() {
        Ledger ledger = aLedger().credit("2025-01-15", REMITTANCE, "2400.00").build();

        assertThat(refused(ledger.post(LedgerEntry.credit("YW0001", LocalDate.of(2025, 2, 15), REMITTANCE, Money.parse("2400.00"))))
                .reasonCode()).isEqualTo(Ledger.DUPLICATE_SERIAL);
    }

    @Test
    void entriesAreBookedInDateOrder() {
        Ledger ledger = aLedger().credit("2025-02-15", REMITTANCE, "2400.00").build();

        Posting sameDay = ledger.post(LedgerEntry.credit("YW8", LocalDate.of(2025, 2, 15), BACK_PAYMENT, Money.parse("100.00")));
        Posting dayBefore = ledger.post(LedgerEntry.credit("YW9", LocalDate.of(2025, 2, 14), BACK_PAYMENT, Money.parse("100.00")));

        assertThat(sameDay.isPosted()).isTrue();
        assertThat(refused(dayBefore).reasonCode()).isEqualTo(Ledger.BACKDATED);
    }

    @Test
    void storedEntriesAreReplayedAndACorruptHistoryIsAnError() {
        LocalDate day = LocalDate.of(2025, 1, 15);
        LedgerEntry deposit = LedgerEntry.credit("YW1", day, REMITTANCE, Money.parse("100.00"));
        LedgerEntry withdrawal = LedgerEntry.debit("YW2", day, PARTIAL_WITHDRAWAL, Money.parse("150.00"));

        assertThat(Ledger.replay("110000000001", List.of(deposit)).balance()).isEqualTo(Money.parse("100.00"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ledger.replay("110000000001", List.of(deposit, withdrawal)))
                .withMessageContaining("YW2").withMessageContaining(Ledger.INSUFFICIENT_BALANCE);
    }
}
