package cn.tongban.center.loan;

import static cn.tongban.center.loan.HomeOrder.FIRST_HOME;
import static cn.tongban.center.loan.HomeOrder.SECOND_HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.center.ledger.AnnualRate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanRateTableTest {

    private static LoanRates rates(String from, String first5, String firstLong, String second5, String secondLong) {
        return new LoanRates(LocalDate.parse(from), AnnualRate.percent(first5), AnnualRate.percent(firstLong),
                AnnualRate.percent(second5), AnnualRate.percent(secondLong));
    }

    private static final LoanRateTable TABLE = new LoanRateTable(List.of(
            rates("2015-08-26", "2.75", "3.25", "3.025", "3.575"),
            rates("2024-05-18", "2.35", "2.85", "2.775", "3.325"),
            rates("2025-05-08", "2.1", "2.6", "2.525", "3.075")));

    private static AnnualRate rate(String percent) {
        return AnnualRate.percent(percent);
    }

    @Test
    void aNewLoanTakesTheRatesInForceOnTheDayItIsGranted() {
        LocalDate cut = LocalDate.of(2025, 5, 8);

        assertThat(TABLE.rateForNewLoan(cut, 360, FIRST_HOME)).contains(rate("2.6"));
        assertThat(TABLE.rateForNewLoan(cut, 60, FIRST_HOME)).contains(rate("2.1"));
        assertThat(TABLE.rateForNewLoan(cut, 360, SECOND_HOME)).contains(rate("3.075"));
        assertThat(TABLE.rateForNewLoan(cut, 36, SECOND_HOME)).contains(rate("2.525"));
        assertThat(TABLE.rateForNewLoan(cut.minusDays(1), 360, FIRST_HOME)).contains(rate("2.85"));
    }

    @Test
    void fiveYearsExactlyIsStillTheShortTerm() {
        assertThat(TABLE.rateForNewLoan(LocalDate.of(2025, 6, 1), 60, FIRST_HOME)).contains(rate("2.1"));
        assertThat(TABLE.rateForNewLoan(LocalDate.of(2025, 6, 1), 61, FIRST_HOME)).contains(rate("2.6"));
    }

    @Test
    void anOlderLoanMovesToTheNewRateOnTheFollowing1January() {
        LocalDate granted = LocalDate.of(2024, 6, 1);

        assertThat(TABLE.rateInForce(granted, 360, FIRST_HOME, LocalDate.of(2025, 12, 31))).contains(rate("2.85"));
        assertThat(TABLE.rateInForce(granted, 360, FIRST_HOME, LocalDate.of(2026, 1, 1))).contains(rate("2.6"));
        assertThat(TABLE.repricings(granted, 360, FIRST_HOME))
                .containsExactly(new RateChange(LocalDate.of(2026, 1, 1), rate("2.6")));
    }

    @Test
    void aLoanGrantedIn2024BeforeTheMayCutMovesTwice() {
        assertThat(TABLE.repricings(LocalDate.of(2024, 3, 15), 240, FIRST_HOME)).containsExactly(
                new RateChange(LocalDate.of(2025, 1, 1), rate("2.85")),
                new RateChange(LocalDate.of(2026, 1, 1), rate("2.6")));
    }

    @Test
    void aLoanGrantedAtTheLatestRatesHasNoRepricing() {
        assertThat(TABLE.repricings(LocalDate.of(2025, 6, 1), 360, FIRST_HOME)).isEmpty();
    }

    @Test
    void twoVersionsReachingALoanOnTheSame1JanuaryCountAsTheLaterOne() {
        LoanRateTable table = new LoanRateTable(List.of(
                rates("2015-08-26", "2.75", "3.25", "3.025", "3.575"),
                rates("2024-03-01", "2.5", "3.0", "2.9", "3.4"),
                rates("2024-05-18", "2.35", "2.85", "2.775", "3.325")));

        assertThat(table.repricings(LocalDate.of(2023, 1, 10), 360, FIRST_HOME))
                .containsExactly(new RateChange(LocalDate.of(2025, 1, 1), rate("2.85")));
    }

    @Test
    void beforeTheFirstVersionThereIsNoRate() {
        assertThat(TABLE.rateForNewLoan(LocalDate.of(2015, 1, 1), 360, FIRST_HOME)).isEmpty();
        assertThat(TABLE.rateInForce(LocalDate.of(2015, 1, 1), 360, FIRST_HOME, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void versionsGoInOrderOfEffectiveDate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoanRateTable(List.of(
                rates("2025-05-08", "2.1", "2.6", "2.525", "3.075"),
                rates("2024-05-18", "2.35", "2.85", "2.775", "3.325"))));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoanRateTable(List.of()));
    }
}
