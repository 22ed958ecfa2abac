package cn.tongban.center.loan;

import static cn.tongban.center.loan.LoanBuilder.aLoan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepaymentScheduleTest {

    /** 1,000,000.00 at 3.1% over 30 years, 等额本息, granted 2023-03-20. */
    private static RepaymentSchedule aMillionAt3Point1Over30Years() {
        return RepaymentSchedule.of(aLoan().of("1000000.00").at("3.1").over(360).grantedOn("2023-03-20")
                .repaid(RepaymentMethod.EQUAL_INSTALLMENT).contract());
    }

    @Test
    void theEqualInstallmentOfAMillionAt3Point1PercentOver30YearsIs4270_16() {
        // r = 3.1% ÷ 12 = 0.0025833…; (1 + r)^360 = 2.5314716534…
        // A = 1,000,000 × 0.0025833… × 2.5314716534 ÷ (2.5314716534 − 1) = 6,539.6351047 ÷ 1.5314716534 = 4,270.1639… → 4,270.16
        assertThat(RepaymentSchedule.equalInstallment(Money.parse("1000000.00"), AnnualRate.percent("3.1"), 360))
                .isEqualTo(Money.parse("4270.16"));
        assertThat(aMillionAt3Point1Over30Years().installment(1).total()).isEqualTo(Money.parse("4270.16"));
    }

    @Test
    void eachMonthPaysTheInterestOnWhatIsOwedAndTheRestOfTheInstallmentAsPrincipal() {
        RepaymentSchedule schedule = aMillionAt3Point1Over30Years();

        // month 1: 1,000,000.00 × 3.1% ÷ 12 = 2,583.333… → 2,583.33; principal 4,270.16 − 2,583.33 = 1,686.83
        assertThat(schedule.installment(1)).extracting(Installment::interest, Installment::principal, Installment::outstandingAfter)
                .containsExactly(Money.parse("2583.33"), Money.parse("1686.83"), Money.parse("998313.17"));
        // month 2: 998,313.17 × 31 ÷ 12,000 = 2,578.9756… → 2,578.98; principal 1,691.18
        assertThat(schedule.installment(2)).extracting(Installment::interest, Installment::principal)
                .containsExactly(Money.parse("2578.98"), Money.parse("1691.18"));
    }

    @Test
    void theLastInstallmentAbsorbsTheRoundingSoThePrincipalAddsUpExactly() {
        RepaymentSchedule schedule = aMillionAt3Point1Over30Years();

        // what is left after 359 installments is repaid whole: 4,261.58 + interest 4,261.58 × 3.1% ÷ 12 = 11.009 → 11.01
        assertThat(schedule.last()).extracting(Installment::principal, Installment::interest, Installment::total, Installment::outstandingAfter)
                .containsExactly(Money.parse("4261.58"), Money.parse("11.01"), Money.parse("4272.59"), Money.ZERO);
        assertThat(schedule.installments()).hasSize(360);
        assertThat(schedule.installments().subList(0, 359)).allSatisfy(i -> assertThat(i.total()).isEqualTo(Money.parse("4270.16")));
        assertThat(schedule.totalPrincipal()).isEqualTo(Money.parse("1000000.00"));
        // 359 × 4,270.16 + 4,272.59 − 1,000,000.00 = 537,260.03
        assertThat(schedule.totalInterest()).isEqualTo(Money.parse("537260.03"));
    }

    @Test
    void equalPrincipalRepaysTheSameShareEachMonthWithFallingInterest() {
        // 120,000.00 at 2.6% over 12 months: principal 10,000.00 a month; interest = outstanding × 2.6% ÷ 12
        // = (13 − k) × 21.666…: 260.00, 238.33, 216.67, 195.00, … 21.67; they add up to 78 × 21.666… = 1,690.00
        RepaymentSchedule schedule = RepaymentSchedule.of(aLoan().contract());

        assertThat(schedule.installment(1).total()).isEqualTo(Money.parse("10260.00"));
        assertThat(schedule.installments()).extracting(Installment::number, i -> i.interest().toString())
                .containsExactly(tuple(1, "260.00"), tuple(2, "238.33"), tuple(3, "216.67"), tuple(4, "195.00"),
                        tuple(5, "173.33"), tuple(6, "151.67"), tuple(7, "130.00"), tuple(8, "108.33"), tuple(9, "86.67"),
                        tuple(10, "65.00"), tuple(11, "43.33"), tuple(12, "21.67"));
        assertThat(schedule.installments()).allSatisfy(i -> assertThat(i.principal()).isEqualTo(Money.parse("10000.00")));
        assertThat(schedule.totalInterest()).isEqualTo(Money.parse("1690.00"));
    }

    @Test
    void anEqualPrincipalThatDoesNotDivideEvenlyLeavesTheRestToTheLastMonth() {
        // 100,000.00 ÷ 3 = 33,333.333… → 33,333.33 twice, the last 33,333.34
        RepaymentSchedule schedule = RepaymentSchedule.of(aLoan().of("100000.00").over(3).contract());

        assertThat(schedule.installments()).extracting(i -> i.principal().toString())
                .containsExactly("33333.33", "33333.33", "33333.34");
    }

    @Test
    void installmentsFallDueOnTheGrantsDayOfTheMonthOrTheMonthsLastDay() {
        RepaymentSchedule schedule = RepaymentSchedule.of(aLoan().grantedOn("2024-01-31").over(3).contract());

        assertThat(schedule.installments()).extracting(Installment::dueDate)
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
    }

    @Test
    void aRateChangeReamortisesTheEqualInstallmentFromTheFirstInstallmentDueOnOrAfterIt() {
        // 500,000.00 at 3.25% over 240 months, granted 2024-03-15; 2.85% from 2025-01-01, 2.6% from 2026-01-01
        LoanContract contract = aLoan().of("500000.00").at("3.25").over(240).grantedOn("2024-03-15")
                .repaid(RepaymentMethod.EQUAL_INSTALLMENT).contract();
        RepaymentSchedule schedule = RepaymentSchedule.of(contract, List.of(
                new RateChange(LocalDate.of(2026, 1, 1), AnnualRate.percent("2.6")),
                new RateChange(LocalDate.of(2025, 1, 1), AnnualRate.percent("2.85"))));

        assertThat(schedule.installment(9).dueDate()).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(schedule.installment(9).total()).isEqualTo(Money.parse("2835.98"));
        assertThat(schedule.installment(9).outstandingAfter()).isEqualTo(Money.parse("486518.27"));
        // installment 10, due 2025-01-15: 486,518.27 × 2.85% ÷ 12 = 1,155.4809 → 1,155.48; new installment over 231 months
        assertThat(schedule.installment(10).rate()).isEqualTo(AnnualRate.percent("2.85"));
        assertThat(schedule.installment(10)).extracting(Installment::interest, Installment::total)
                .containsExactly(Money.parse("1155.48"), Money.parse("2738.88"));
        assertThat(schedule.installment(10).total())
                .isEqualTo(RepaymentSchedule.equalInstallment(Money.parse("486518.27"), AnnualRate.percent("2.85"), 231));
        assertThat(schedule.installment(22)).extracting(Installment::dueDate, Installment::rate, Installment::total)
                .containsExactly(LocalDate.of(2026, 1, 15), AnnualRate.percent("2.6"), Money.parse("2682.00"));
        assertThat(schedule.totalPrincipal()).isEqualTo(Money.parse("500000.00"));
    }

    @Test
    void aRateChangeKeepsTheEqualPrincipalAndChangesOnlyTheInterest() {
        // 2.1% from 2025-08-01: installment 6 (due 2025-07-15) keeps 2.6%, installment 7 (due 2025-08-15) is on
        // 60,000.00 × 2.1% ÷ 12 = 105.00
        RepaymentSchedule schedule = RepaymentSchedule.of(aLoan().contract(),
                List.of(new RateChange(LocalDate.of(2025, 8, 1), AnnualRate.percent("2.1"))));

        assertThat(schedule.installment(6).interest()).isEqualTo(Money.parse("151.67"));
        assertThat(schedule.installment(7).interest()).isEqualTo(Money.parse("105.00"));
        assertThat(schedule.installment(7).principal()).isEqualTo(Money.parse("10000.00"));
    }
}
