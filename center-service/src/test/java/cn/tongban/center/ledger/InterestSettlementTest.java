package cn.tongban.center.ledger;

import static cn.tongban.center.ledger.BusinessType.CLOSING_WITHDRAWAL;
import static cn.tongban.center.ledger.BusinessType.INTEREST;
import static cn.tongban.center.ledger.BusinessType.PARTIAL_WITHDRAWAL;
import static cn.tongban.center.ledger.BusinessType.REMITTANCE;
import static cn.tongban.center.ledger.BusinessType.TRANSFER_IN;
import static cn.tongban.center.ledger.LedgerBuilder.aLedger;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Yearly interest (年度结息) by the accumulation method: the sum of the day-end balances of 1 July – 30 June
 * (both included) × 1.50% ÷ 360, rounded half-up to the fen once, at the end. Figures worked by hand below.
 */
class InterestSettlementTest {

    private static final AnnualRate RATE = AnnualRate.percent("1.50");
    private static final InterestYear YEAR_2025 = InterestYear.endingIn(2025);

    @Test
    void aConstantBalanceForAWholeYearEarns365Over360OfTheNominalRate() {
        // 2024-07-01 .. 2025-06-30 = 365 days (February 2025 has 28)
        // accumulation 100,000.00 × 365 = 36,500,000.00; × 0.015 = 547,500; ÷ 360 = 1,520.8333… → 1,520.83
        Ledger ledger = aLedger().credit("2024-06-20", TRANSFER_IN, "100000.00").build();

        InterestCalculation calculation = InterestSettlement.calculate(ledger, YEAR_2025, RATE);

        assertThat(calculation.days()).isEqualTo(365);
        assertThat(calculation.accumulation()).isEqualByComparingTo("36500000.00");
        assertThat(calculation.interest()).isEqualTo(Money.parse("1520.83"));
    }

    @Test
    void aLeapInterestYearCounts366Days() {
        // 2023-07-01 .. 2024-06-30 holds 29 February 2024: 366 days
        // 100,000.00 × 366 = 36,600,000.00; × 0.015 = 549,000; ÷ 360 = 1,525.00
        Ledger ledger = aLedger().credit("2023-06-20", TRANSFER_IN, "100000.00").build();

        InterestCalculation calculation = InterestSettlement.calculate(ledger, InterestYear.endingIn(2024), RATE);

        assertThat(calculation.days()).isEqualTo(366);
        assertThat(calculation.interest()).isEqualTo(Money.parse("1525.00"));
    }

    @Test
    void aDepositInMidYearCountsFromItsOwnDay() {
        // 50,000.00 from 2024-07-01 to 2024-12-31: 31+31+30+31+30+31 = 184 days → 9,200,000.00
        // 60,000.00 from 2025-01-01 to 2025-06-30: 31+28+31+30+31+30 = 181 days → 10,860,000.00
        // accumulation 20,060,000.00; × 0.015 = 300,900; ÷ 360 = 835.8333… → 835.83
        Ledger ledger = aLedger()
                .credit("2024-05-10", TRANSFER_IN, "50000.00")
                .credit("2025-01-01", REMITTANCE, "10000.00")
                .build();

        InterestCalculation calculation = InterestSettlement.calculate(ledger, YEAR_2025, RATE);

        assertThat(calculation.accumulation()).isEqualByComparingTo("20060000.00");
        assertThat(calculation.interest()).isEqualTo(Money.parse("835.83"));
    }

    @Test
    void aWithdrawalCountsOnItsOwnDayAlready() {
        // 80,000.00 from 2024-07-01 to 2024-09-30: 31+31+30 = 92 days → 7,360,000.00
        // 50,000.00 from 2024-10-01 (the day of the withdrawal) to 2025-06-30: 365 − 92 = 273 days → 13,650,000.00
        // accumulation 21,010,000.00; × 0.015 = 315,150; ÷ 360 = 875.4166… → 875.42
        Ledger ledger = aLedger()
                .credit("2024-06-01", TRANSFER_IN, "80000.00")
                .debit("2024-10-01", PARTIAL_WITHDRAWAL, "30000.00")
                .build();

        assertThat(InterestSettlement.calculate(ledger, YEAR_2025, RATE).interest()).isEqualTo(Money.parse("875.42"));
    }

    @Test
    void halfAFenIsRoundedUp() {
        // 1,000.00 on 28, 29 and 30 June: accumulation 3,000.00; × 0.015 ÷ 360 = 0.125 → 0.13 (half-even would give 0.12)
        Ledger ledger = aLedger().credit("2025-06-28", REMITTANCE, "1000.00").build();

        assertThat(InterestSettlement.calculate(ledger, YEAR_2025, RATE).interest()).isEqualTo(Money.parse("0.13"));
    }

    @Test
    void theSettlementIsPostedOn30JuneAsA09Entry() {
        Ledger ledger = aLedger().credit("2024-06-20", TRANSFER_IN, "100000.00").build();

        Posting posting = InterestSettlement.settleYear(ledger, YEAR_2025, RATE, "JX2025");

        assertThat(posting).isInstanceOf(Posting.Posted.class);
        LedgerEntry entry = ((Posting.Posted) posting).entry();
        assertThat(entry.type()).isEqualTo(INTEREST);
        assertThat(entry.type().code()).isEqualTo("09");
        assertThat(entry.date()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(entry.amount()).isEqualTo(Money.parse("1520.83"));
        assertThat(((Posting.Posted) posting).ledger().balance()).isEqualTo(Money.parse("101520.83"));
    }

    @Test
    void interestCreditedOn30JuneEarnsFromThe1JulyAfter() {
        Ledger settled = ((Posting.Posted) InterestSettlement.settleYear(
                aLedger().credit("2024-06-20", TRANSFER_IN, "100000.00").build(), YEAR_2025, RATE, "JX2025")).ledger();

        // the year just settled is not changed by its own interest
        assertThat(InterestSettlement.calculate(settled, YEAR_2025, RATE).interest()).isEqualTo(Money.parse("1520.83"));
        // the next year earns on 101,520.83 for 365 days: 37,055,102.95 × 0.015 ÷ 360 = 1,543.9626… → 1,543.96
        InterestCalculation next = InterestSettlement.calculate(settled, InterestYear.endingIn(2026), RATE);
        assertThat(next.accumulation()).isEqualByComparingTo(new BigDecimal("37055102.95"));
        assertThat(next.interest()).isEqualTo(Money.parse("1543.96"));
    }

    @Test
    void aYearIsSettledOnce() {
        Ledger settled = ((Posting.Posted) InterestSettlement.settleYear(
                aLedger().credit("2024-06-20", TRANSFER_IN, "100000.00").build(), YEAR_2025, RATE, "JX2025")).ledger();

        Posting again = InterestSettlement.settleYear(settled, YEAR_2025, RATE, "JX2025B");

        assertThat(again).isInstanceOf(Posting.Refused.class);
        assertThat(((Posting.Refused) again).reasonCode()).isEqualTo(InterestSettlement.ALREADY_SETTLED);
    }

    @Test
    void anAccountThatHeldNothingHasNothingToSettle() {
        Posting posting = InterestSettlement.settleYear(Ledger.empty("110000000001"), YEAR_2025, RATE, "JX2025");

        assertThat(((Posting.Refused) posting).reasonCode()).isEqualTo(InterestSettlement.NOTHING_TO_SETTLE);
    }

    @Test
    void aYearIsSettledBeforeTheEntriesOfTheNextAreBooked() {
        Ledger ledger = aLedger()
                .credit("2024-06-20", TRANSFER_IN, "100000.00")
                .credit("2025-07-15", REMITTANCE, "2400.00")
                .build();

        Posting posting = InterestSettlement.settleYear(ledger, YEAR_2025, RATE, "JX2025");

        assertThat(((Posting.Refused) posting).reasonCode()).isEqualTo(Ledger.BACKDATED);
    }

    @Test
    void closingTheAccountSettlesFrom1JulyToTheDayBefore() {
        // 100,000.00 from 2024-07-01 to 2024-09-30 (closing on 1 October): 92 days → 9,200,000.00
        // × 0.015 = 138,000; ÷ 360 = 383.333… → 383.33, posted on the closing day, then everything is paid out
        Ledger ledger = aLedger().credit("2024-06-20", TRANSFER_IN, "100000.00").build();

        Posting posting = InterestSettlement.settleOnClosing(ledger, LocalDate.of(2024, 10, 1), RATE, "JX-XH");

        Ledger settled = ((Posting.Posted) posting).ledger();
        assertThat(((Posting.Posted) posting).entry().amount()).isEqualTo(Money.parse("383.33"));
        assertThat(settled.balance()).isEqualTo(Money.parse("100383.33"));
        Ledger closed = ((Posting.Posted) settled.post(LedgerEntry.debit("XH1", LocalDate.of(2024, 10, 1), CLOSING_WITHDRAWAL,
                settled.balance()))).ledger();
        assertThat(closed.balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void theInterestYearRunsFrom1JulyTo30June() {
        assertThat(YEAR_2025.firstDay()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(YEAR_2025.lastDay()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(InterestYear.containing(LocalDate.of(2024, 7, 1))).isEqualTo(YEAR_2025);
        assertThat(InterestYear.containing(LocalDate.of(2025, 6, 30))).isEqualTo(YEAR_2025);
        assertThat(InterestYear.containing(LocalDate.of(2025, 7, 1))).isEqualTo(InterestYear.endingIn(2026));
    }
}
