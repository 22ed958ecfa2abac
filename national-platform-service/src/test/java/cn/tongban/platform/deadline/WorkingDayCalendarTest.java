package cn.tongban.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected dates are counted by hand on the 2026 calendar (国办发明电 of 2025-11-04):
 * <pre>
 *     February 2026                September 2026             October 2026
 * Mo Tu We Th Fr Sa Su        Mo Tu We Th Fr Sa Su        Mo Tu We Th Fr Sa Su
 *                    1            1  2  3  4  5  6                  1  2  3  4
 *  2  3  4  5  6  7  8         7  8  9 10 11 12 13         5  6  7  8  9 10 11
 *  9 10 11 12 13 [14] 15      14 15 16 17 18 19 [20]      12 13 14 15 16 17 18
 * 16 17 18 19 20 21 22        21 22 23 24 25 26 27        19 20 21 22 23 24 25
 * 23 24 25 26 27 [28]         28 29 30                    26 27 28 29 30 31
 * </pre>
 * Spring Festival 02-15..02-23 off, Saturdays 02-14 and 02-28 worked; Mid-Autumn 09-25..09-27 off, Sunday
 * 09-20 worked; National Day 10-01..10-07 off, Saturday 10-10 worked ([..] = adjusted working day).
 */
class WorkingDayCalendarTest {

    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadTheBundledCalendar() throws IOException {
        try (InputStream data = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/cn-workday-calendar.yaml")) {
            calendar = WorkingDayCalendar.load(data);
        }
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theBundledDataCovers2025And2026() {
        assertThat(calendar.yearsWithData()).containsExactly(2025, 2026);
        assertThat(WorkingDayCalendar.bundled().yearsWithData()).containsExactly(2025, 2026);
        assertThat(calendar.holidaysOf(2026)).extracting(Holiday::name)
                .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
        assertThat(calendar.holidaysOf(2027)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1}) works: {2}")
    @CsvSource({
            "2026-02-13, Fri, true",
            "2026-02-14, Sat, true",   // adjusted working day before the Spring Festival
            "2026-02-15, Sun, false",  // first day of the Spring Festival
            "2026-02-16, Mon, false",
            "2026-02-23, Mon, false",  // last day of the Spring Festival
            "2026-02-24, Tue, true",
            "2026-02-28, Sat, true",   // adjusted working day after it
            "2026-03-01, Sun, false",
            "2026-03-04, Wed, true",   // an ordinary week
            "2026-03-07, Sat, false",
            "2026-09-20, Sun, true",   // adjusted working day before Mid-Autumn
            "2026-09-25, Fri, false",  // Mid-Autumn
            "2026-09-27, Sun, false",
            "2026-10-01, Thu, false",  // National Day
            "2026-10-07, Wed, false",
            "2026-10-08, Thu, true",
            "2026-10-10, Sat, true",   // adjusted working day after National Day
            "2026-10-11, Sun, false",
            "2026-01-01, Thu, false",  // 元旦 2026 lasts three days
            "2026-01-04, Sun, true",
            "2025-10-08, Wed, false",  // 2025: National Day and Mid-Autumn together, 8 days
            "2025-10-11, Sat, true"})
    void aDayIsWorkedOnlyWhenTheCalendarSaysSo(LocalDate day, String weekday, boolean working) {
        assertThat(day.getDayOfWeek().name()).startsWith(weekday.toUpperCase());
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @Nested
    class AroundTheSpringFestival {

        @Test
        void threeWorkingDaysFromThursdayBeforeTheHolidayEndTheTuesdayAfterIt() {
            // delivered Thu 02-12: Fri 13 (1), Sat 14 adjusted (2), 15..23 off, Tue 24 (3)
            assertThat(calendar.addWorkingDays(day("2026-02-12"), 3)).isEqualTo(day("2026-02-24"));
        }

        @Test
        void sevenWorkingDaysFromTheFridayBeforeCountBothAdjustedSaturdays() {
            // delivered Fri 02-13: Sat 14 (1), Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5),
            // Sat 28 adjusted (6), Sun 01 no, Mon 03-02 (7)
            assertThat(calendar.addWorkingDays(day("2026-02-13"), 7)).isEqualTo(day("2026-03-02"));
        }

        @Test
        void aRequestDeliveredOnAnAdjustedSaturdayCountsFromTheNextWorkingDay() {
            // delivered Sat 02-14 (itself worked, but the day of delivery never counts):
            // Tue 24 (1), Wed 25 (2), Thu 26 (3)
            assertThat(calendar.addWorkingDays(day("2026-02-14"), 3)).isEqualTo(day("2026-02-26"));
        }

        @Test
        void aRequestDeliveredDuringTheHolidayCountsFromTheFirstDayBack() {
            // delivered Sun 02-15: Tue 24 (1)
            assertThat(calendar.addWorkingDays(day("2026-02-15"), 1)).isEqualTo(day("2026-02-24"));
            // delivered Mon 02-23, the last day off: Tue 24 (1), Wed 25 (2), Thu 26 (3)
            assertThat(calendar.addWorkingDays(day("2026-02-23"), 3)).isEqualTo(day("2026-02-26"));
        }

        @Test
        void februaryHasSixteenWorkingDays() {
            // Mon 2..Fri 6 (5), Mon 9..Fri 13 (5), Sat 14 (1), Tue 24..Fri 27 (4), Sat 28 (1)
            assertThat(calendar.workingDaysBetween(day("2026-01-31"), day("2026-02-28"))).isEqualTo(16);
            // after Fri 02-13 up to Tue 02-24: Sat 14, Tue 24
            assertThat(calendar.workingDaysBetween(day("2026-02-13"), day("2026-02-24"))).isEqualTo(2);
        }
    }

    @Nested
    class AroundMidAutumnAndNationalDay {

        @Test
        void threeWorkingDaysFromFridayCountTheAdjustedSunday() {
            // delivered Fri 09-18: Sun 20 adjusted (1), Mon 21 (2), Tue 22 (3)
            assertThat(calendar.addWorkingDays(day("2026-09-18"), 3)).isEqualTo(day("2026-09-22"));
        }

        @Test
        void fifteenWorkingDaysForALoanCrossBothHolidays() {
            // delivered Wed 09-23: Thu 24 (1), 25..27 off, Mon 28 (2), Tue 29 (3), Wed 30 (4),
            // 10-01..07 off, Thu 08 (5), Fri 09 (6), Sat 10 adjusted (7), Mon 12..Fri 16 (8..12),
            // Mon 19 (13), Tue 20 (14), Wed 21 (15)
            assertThat(calendar.addWorkingDays(day("2026-09-23"), 15)).isEqualTo(day("2026-10-21"));
        }

        @Test
        void threeWorkingDaysFromTheTuesdayBeforeNationalDayEndTheFridayAfterIt() {
            // delivered Tue 09-29: Wed 30 (1), Thu 10-08 (2), Fri 10-09 (3)
            assertThat(calendar.addWorkingDays(day("2026-09-29"), 3)).isEqualTo(day("2026-10-09"));
        }

        @Test
        void sevenWorkingDaysForJointHandlingFromTheLastDayOfSeptember() {
            // delivered Wed 09-30: Thu 10-08 (1), Fri 09 (2), Sat 10 adjusted (3), Mon 12 (4), Tue 13 (5),
            // Wed 14 (6), Thu 15 (7)
            assertThat(calendar.addWorkingDays(day("2026-09-30"), 7)).isEqualTo(day("2026-10-15"));
        }

        @Test
        void workingDaysBetweenCountsTheAdjustedDaysAndSkipsTheHolidays() {
            // after Fri 09-18 up to Sat 10-10: Sun 20, Mon 21..Thu 24 (5), Mon 28..Wed 30 (8),
            // Thu 08, Fri 09, Sat 10 (11)
            assertThat(calendar.workingDaysBetween(day("2026-09-18"), day("2026-10-10"))).isEqualTo(11);
        }
    }

    @Test
    void countingCrossesIntoTheNextYearOnItsData() {
        // delivered Wed 2025-12-31: 2026-01-01..03 off, Sun 01-04 adjusted (1)
        DueDate due = calendar.dueDate(day("2025-12-31"), 1);

        assertThat(due.date()).isEqualTo(day("2026-01-04"));
        assertThat(due.isCertain()).isTrue();
    }

    @Test
    void aYearWithoutDataIsCountedMondayToFridayAndReported() {
        // delivered Tue 2026-12-29: Wed 30 (1), Thu 31 (2); 2027 has no data, so Fri 2027-01-01 counts as
        // an ordinary Friday (3) although it will surely be 元旦 — a guess we report, not hide —
        // Mon 01-04 (4), Tue 01-05 (5)
        DueDate due = calendar.dueDate(day("2026-12-29"), 5);

        assertThat(due.date()).isEqualTo(day("2027-01-05"));
        assertThat(due.yearsWithoutData()).containsExactly(2027);
        assertThat(due.isCertain()).isFalse();
        assertThat(calendar.addWorkingDays(day("2026-12-29"), 5)).isEqualTo(due.date());
        assertThat(calendar.yearsWithoutData(day("2026-12-29"), due.date())).containsExactly(2027);
        assertThat(calendar.hasDataFor(2027)).isFalse();
    }

    @Test
    void yearsWithoutDataListsEveryUncoveredYearBetweenTwoDays() {
        assertThat(calendar.yearsWithoutData(day("2026-02-01"), day("2026-03-01"))).isEmpty();
        assertThat(calendar.yearsWithoutData(day("2024-06-01"), day("2028-01-01"))).containsExactly(2024, 2027, 2028);
        assertThat(calendar.yearsWithoutData(day("2028-01-01"), day("2024-06-01"))).containsExactly(2024, 2027, 2028);
    }

    @Test
    void zeroWorkingDaysIsTheDayOfDeliveryAndANegativeLimitIsRefused() {
        assertThat(calendar.addWorkingDays(day("2026-02-15"), 0)).isEqualTo(day("2026-02-15"));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(day("2026-02-15"), -1));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-12, 3", "2026-02-13, 7", "2026-09-23, 15", "2026-09-30, 7", "2025-12-20, 30", "2026-12-20, 10"})
    void workingDaysBetweenIsTheInverseOfAddingThem(LocalDate start, int n) {
        LocalDate due = calendar.addWorkingDays(start, n);

        assertThat(calendar.workingDaysBetween(start, due)).isEqualTo(n);
        assertThat(calendar.workingDaysBetween(due, start)).isEqualTo(-n);
        assertThat(calendar.workingDaysBetween(start, start)).isZero();
    }

    @Nested
    class LoadingData {

        private WorkingDayCalendar load(String yaml) {
            return WorkingDayCalendar.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void aHolidayPublishedWithTheNextYearIsHonouredInTheYearBefore() {
            // 元旦 2024 ran 2023-12-30..2024-01-01 (published with 2024's data)
            WorkingDayCalendar data = load("""
                    2024:
                      holidays:
                        - {from: 2023-12-30, to: 2024-01-01, name: 元旦}
                      workdays: []
                    """);

            assertThat(data.isWorkingDay(day("2024-01-01"))).isFalse();
            assertThat(data.hasDataFor(2023)).isFalse();
            assertThat(data.isWorkingDay(day("2023-12-29"))).isTrue();
            assertThat(data.yearsWithoutData(day("2023-12-29"), day("2024-01-02"))).containsExactly(2023);
        }

        @Test
        void anAdjustedWorkingDayOnAWeekdayIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays: []
                      workdays: [2026-02-13]
                    """)).withMessageContaining("line 3").withMessageContaining("FRIDAY");
        }

        @Test
        void aDayThatIsBothOffAndWorkedIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays:
                        - {from: 2026-02-14, to: 2026-02-23, name: 春节}
                      workdays: [2026-02-14]
                    """)).withMessageContaining("2026-02-14 is both");
        }

        @Test
        void overlappingHolidaysAreRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays:
                        - {from: 2026-10-01, to: 2026-10-07, name: 国庆节}
                        - {from: 2026-10-06, to: 2026-10-08, name: 中秋节}
                    """)).withMessageContaining("2026-10-06 is in both 国庆节 and 中秋节");
        }

        @Test
        void aHolidayEndingBeforeItStartsIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays:
                        - {from: 2026-10-07, to: 2026-10-01, name: 国庆节}
                    """)).withMessageContaining("ends on or after");
        }

        @Test
        void aDateListedUnderTheWrongYearIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays:
                        - {from: 2062-10-01, to: 2062-10-07, name: 国庆节}
                    """)).withMessageContaining("listed under 2026");
        }

        @Test
        void aMalformedDateOrUnknownKeyIsRefusedWithItsLine() {
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holidays:
                        - {from: 2026-02-30, to: 2026-03-01, name: 春节}
                    """)).withMessageContaining("line 3").withMessageContaining("not a date");
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    2026:
                      holiday: []
                    """)).withMessageContaining("unknown key 'holiday'");
            assertThatIllegalArgumentException().isThrownBy(() -> load("""
                    twenty-six:
                      holidays: []
                    """)).withMessageContaining("not a year");
            assertThatIllegalArgumentException().isThrownBy(() -> load("")).withMessageContaining("empty");
            assertThatIllegalArgumentException().isThrownBy(() -> load("2026: [unclosed"))
                    .withMessageContaining("not YAML");
        }
    }
}
