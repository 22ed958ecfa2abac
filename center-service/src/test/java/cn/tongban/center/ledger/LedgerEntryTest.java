package cn.tongban.center.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerEntryTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @Test
    void aRemittanceAddsAndAWithdrawalTakes() {
        assertThat(LedgerEntry.credit("YW1", DAY, BusinessType.REMITTANCE, Money.parse("2400.00")).amount())
                .isEqualTo(Money.parse("2400.00"));
        assertThat(LedgerEntry.debit("YW2", DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse("5000.00")).amount())
                .isEqualTo(Money.parse("-5000.00"));
    }

    @Test
    void aReversalMovesTheSameAmountBackUnderTheSameTypeAndNamesTheOriginal() {
        LedgerEntry remittance = LedgerEntry.credit("YW1", DAY, BusinessType.REMITTANCE, Money.parse("2400.00"));

        LedgerEntry reversal = LedgerEntry.reversalOf(remittance, "YW2", DAY.plusDays(3));

        assertThat(reversal.amount()).isEqualTo(Money.parse("-2400.00"));
        assertThat(reversal.type()).isEqualTo(BusinessType.REMITTANCE);
        assertThat(reversal.reversalFlag()).isEqualTo(ReversalFlag.REVERSAL);
        assertThat(reversal.reversalFlag().code()).isEqualTo("02");
        assertThat(reversal.reverses()).isEqualTo("YW1");
    }

    @ParameterizedTest
    @EnumSource(names = {"ACCOUNT_OPENING", "UNSEALING", "SEALING", "BASE_ADJUSTMENT", "DEFERRAL", "FREEZE", "UNFREEZE"})
    void businessesThatMoveNoMoneyAreNoLedgerEntries(BusinessType type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LedgerEntry.credit("YW1", DAY, type, Money.parse("1.00")))
                .withMessageContaining("moves no money");
    }

    @Test
    void anEntryGoesTheWayOfItsType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW1", DAY, BusinessType.REMITTANCE, Money.parse("-1.00"), ReversalFlag.ORIGINAL, null))
                .withMessageContaining("01 汇缴 adds to the balance");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW1", DAY, BusinessType.CLOSING_WITHDRAWAL, Money.parse("1.00"), ReversalFlag.ORIGINAL, null))
                .withMessageContaining("12 销户提取 takes from the balance");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW2", DAY, BusinessType.REMITTANCE, Money.parse("1.00"), ReversalFlag.REVERSAL, "YW1"))
                .withMessageContaining("the reversal of 01 汇缴 takes from the balance");
    }

    @Test
    void anInternalTransferGoesEitherWay() {
        assertThat(new LedgerEntry("YW1", DAY, BusinessType.INTERNAL_TRANSFER, Money.parse("-1.00"), ReversalFlag.ORIGINAL, null).amount())
                .isEqualTo(Money.parse("-1.00"));
    }

    @Test
    void onlyAReversalNamesAnotherEntryAndNeverItself() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW2", DAY, BusinessType.REMITTANCE, Money.parse("1.00"), ReversalFlag.ORIGINAL, "YW1"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW2", DAY, BusinessType.REMITTANCE, Money.parse("-1.00"), ReversalFlag.REVERSAL, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LedgerEntry("YW2", DAY, BusinessType.REMITTANCE, Money.parse("-1.00"), ReversalFlag.REVERSAL, "YW2"));
    }

    @Test
    void zeroAndNegativeAmountsAreRefusedByTheFactories() {
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerEntry.credit("YW1", DAY, BusinessType.REMITTANCE, Money.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> LedgerEntry.debit("YW1", DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse("-3.00")));
    }

    @Test
    void theCodesAreThoseOfTheNationalStandard() {
        assertThat(BusinessType.ofCode("01")).isEqualTo(BusinessType.REMITTANCE);
        assertThat(BusinessType.ofCode("09")).isEqualTo(BusinessType.INTEREST);
        assertThat(BusinessType.ofCode("12")).isEqualTo(BusinessType.CLOSING_WITHDRAWAL);
        assertThat(BusinessType.values()).extracting(BusinessType::code).doesNotHaveDuplicates().hasSize(16);
        assertThat(ReversalFlag.ofCode("01")).isEqualTo(ReversalFlag.ORIGINAL);
        assertThatIllegalArgumentException().isThrownBy(() -> BusinessType.ofCode("16"));
    }
}
