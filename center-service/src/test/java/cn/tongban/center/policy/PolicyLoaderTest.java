package cn.tongban.center.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.HomeOrder;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    /** A valid file with two versions; the tests break one line of it at a time. */
    private static final String VALID = """
            center: "330100"
            name: 杭州住房公积金管理中心
            versions:
              - effectiveFrom: 2024-07-01
                contribution:
                  unitRate: {min: 5, max: 12}
                  personalRate: {min: 5, max: 12}
                  baseFloor: 2280.00
                  baseCap: 36675.00
                depositRate: 1.50
                retirementWithdrawal:
                  accountMustBeSealed: false
                  outstandingLoanMustBeRepaid: true
                purchaseWithdrawal:
                  buyers: [self, spouse]
                  windowMonths: 12
                  oncePerHome: true
                  minMonthsBetweenWithdrawals: 0
                  amountCap: {basis: price, share: 100}
                  minContinuousContributionMonths: 3
                  secondHandElsewhereMinHoldingMonths: 0
                loan:
                  minContinuousContributionMonths: 6
                  maxTermYears: 30
                  maxAmount: 1000000.00
                  secondLoanOnlyAfterFirstRepaid: true
              - effectiveFrom: 2025-07-01
                contribution:
                  unitRate: {min: 5, max: 12}
                  personalRate: {min: 5, max: 11}
                  baseFloor: 2490.00
                  baseCap: 39000.00
                depositRate: 1.5
                retirementWithdrawal:
                  accountMustBeSealed: true
                  outstandingLoanMustBeRepaid: true
                purchaseWithdrawal:
                  buyers: [self, spouse, parent]
                  windowMonths: 24
                  oncePerHome: false
                  minMonthsBetweenWithdrawals: 12
                  amountCap: {basis: selfPaidPart, share: 100}
                  minContinuousContributionMonths: 6
                  secondHandElsewhereMinHoldingMonths: 6
                loan:
                  minContinuousContributionMonths: 12
                  maxTermYears: 25
                  maxAmount: 1200000.00
                  secondLoanOnlyAfterFirstRepaid: true
            loanRates:
              - effectiveFrom: 2024-05-18
                firstHome: {upTo5Years: 2.35, over5Years: 2.85}
                secondHome: {upTo5Years: 2.775, over5Years: 3.325}
              - effectiveFrom: 2025-05-08
                firstHome: {upTo5Years: 2.1, over5Years: 2.6}
                secondHome: {upTo5Years: 2.525, over5Years: 3.075}
            """;

    private static CenterPolicy load(String yaml) {
        return PolicyLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> problems(String yaml) {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> load(yaml));
        assertThat(e).as("the file is refused").isNotNull();
        return e.problems();
    }

    /** {@code VALID} with the one line containing {@code fragment} changed. */
    private static String breaking(String fragment, String replacement) {
        assertThat(VALID.split(Pattern.quote(fragment), -1)).as(fragment + " occurs once").hasSize(2);
        return VALID.replace(fragment, replacement);
    }

    /** The 1-based line of {@code VALID} holding {@code fragment}. */
    private static int lineOf(String fragment) {
        String before = VALID.substring(0, VALID.indexOf(fragment));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Nested
    class AValidFile {

        @Test
        void isReadWholeWithExactDecimalsAndDays() {
            CenterPolicy policy = load(VALID);

            assertThat(policy.center()).isEqualTo(CenterCode.of("330100"));
            assertThat(policy.versions()).extracting(PolicyVersion::effectiveFrom)
                    .containsExactly(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1));
            PolicyVersion later = policy.versions().get(1);
            assertThat(later.contribution().personalRate()).isEqualTo(new RateRange(new BigDecimal("5"), new BigDecimal("11")));
            assertThat(later.contribution().baseCap()).isEqualTo(Money.parse("39000.00"));
            assertThat(later.depositRate()).isEqualTo(AnnualRate.percent("1.50"));
            assertThat(later.purchaseWithdrawal().buyers()).containsExactlyInAnyOrder(Buyer.SELF, Buyer.SPOUSE, Buyer.PARENT);
            assertThat(later.purchaseWithdrawal().cap().basis()).isEqualTo(CapBasis.SELF_PAID_PART);
            assertThat(later.loan().maxTermYears()).isEqualTo(25);
            assertThat(policy.loanRates().rateForNewLoan(LocalDate.of(2025, 5, 8), 360, HomeOrder.SECOND_HOME))
                    .contains(AnnualRate.percent("3.075"));
        }

        @Test
        void servesTheVersionInForceOnTheDay() {
            CenterPolicy policy = load(VALID);

            assertThat(policy.versionOn(LocalDate.of(2024, 6, 30))).isEmpty();
            assertThat(policy.versionOn(LocalDate.of(2025, 6, 30)).orElseThrow().contribution().baseCap()).isEqualTo(Money.parse("36675.00"));
            assertThat(policy.versionOn(LocalDate.of(2025, 7, 1)).orElseThrow().contribution().baseCap()).isEqualTo(Money.parse("39000.00"));
        }
    }

    @Nested
    class TheBundledDemoCenters {

        private final CenterPolicy beijing = PolicyLoader.loadBundled(CenterCode.of("110000"));
        private final CenterPolicy shanghai = PolicyLoader.loadBundled(CenterCode.of("310000"));
        private final CenterPolicy guangzhou = PolicyLoader.loadBundled(CenterCode.of("440100"));

        private PolicyVersion today(CenterPolicy policy) {
            return policy.versionOn(LocalDate.of(2025, 9, 1)).orElseThrow();
        }

        @Test
        void allLoadWithTheNationalLoanRatesOf2025() {
            for (CenterPolicy policy : List.of(beijing, shanghai, guangzhou)) {
                assertThat(policy.loanRates().rateForNewLoan(LocalDate.of(2025, 5, 8), 360, HomeOrder.FIRST_HOME))
                        .as(policy.name()).contains(AnnualRate.percent("2.6"));
                assertThat(policy.loanRates().rateInForce(LocalDate.of(2024, 6, 1), 360, HomeOrder.FIRST_HOME,
                        LocalDate.of(2026, 1, 1))).as(policy.name()).contains(AnnualRate.percent("2.6"));
            }
        }

        @Test
        void differInAtLeastThreeRules() {
            PolicyVersion bj = today(beijing);
            PolicyVersion sh = today(shanghai);
            PolicyVersion gz = today(guangzhou);

            assertThat(Stream.of(bj, sh, gz).map(v -> v.contribution().unitRate().max()).distinct()).hasSize(2);
            assertThat(Stream.of(bj, sh, gz).map(v -> v.purchaseWithdrawal().windowMonths())).containsExactly(12, 24, 36);
            assertThat(Stream.of(bj, sh, gz).map(v -> v.purchaseWithdrawal().buyers()).distinct()).hasSize(2);
            assertThat(gz.purchaseWithdrawal().buyers()).contains(Buyer.PARENT, Buyer.CHILD);
            assertThat(Stream.of(bj, sh, gz).map(v -> v.purchaseWithdrawal().cap().basis()))
                    .containsExactly(CapBasis.PRICE, CapBasis.PRICE, CapBasis.SELF_PAID_PART);
            assertThat(Stream.of(bj, sh, gz).map(v -> v.retirementWithdrawal().accountMustBeSealed()))
                    .containsExactly(false, true, false);
        }

        @Test
        void aCenterWithoutAFileIsAnError() {
            assertThatIllegalArgumentException().isThrownBy(() -> PolicyLoader.loadBundled(CenterCode.of("650100")))
                    .withMessageContaining("policy/650100.yml");
        }
    }

    @Nested
    class ABrokenFile {

        @Test
        void aRateAboveTheNationalCapIsReportedWithItsPathAndLine() {
            String yaml = breaking("personalRate: {min: 5, max: 11}", "personalRate: {min: 5, max: 13}");

            assertThat(problems(yaml)).containsExactly("versions[1].contribution.personalRate.max: 13% is above the national cap of 12% (line "
                    + lineOf("personalRate: {min: 5, max: 11}") + ")");
        }

        @Test
        void aRateBelowTheNationalFloorAndAMinAboveItsMaxAreReported() {
            assertThat(problems(breaking("personalRate: {min: 5, max: 11}", "personalRate: {min: 4, max: 11}")))
                    .singleElement().asString().startsWith("versions[1].contribution.personalRate.min: 4% is below the national floor of 5%");
            assertThat(problems(breaking("personalRate: {min: 5, max: 11}", "personalRate: {min: 11, max: 6}")))
                    .singleElement().asString().startsWith("versions[1].contribution.personalRate: min 11% is above max 6%");
        }

        @Test
        void aBaseFloorAboveTheCapIsReported() {
            assertThat(problems(breaking("baseFloor: 2280.00", "baseFloor: 40000.00")))
                    .containsExactly("versions[0].contribution.baseFloor: 40000.00 is above the base cap of 36675.00 (line "
                            + lineOf("baseFloor: 2280.00") + ")");
        }

        @Test
        void twoVersionsOnTheSameDayOverlap() {
            assertThat(problems(breaking("- effectiveFrom: 2025-07-01", "- effectiveFrom: 2024-07-01")))
                    .singleElement().asString()
                    .startsWith("versions[1].effectiveFrom: 2024-07-01 is also the effective date of versions[0]: two versions may not overlap");
        }

        @Test
        void versionsOutOfOrderAreReported() {
            assertThat(problems(breaking("- effectiveFrom: 2025-07-01", "- effectiveFrom: 2023-07-01")))
                    .singleElement().asString()
                    .startsWith("versions[1].effectiveFrom: 2023-07-01 is before versions[0].effectiveFrom 2024-07-01");
        }

        @Test
        void loanRatesOnTheSameDayOverlapToo() {
            assertThat(problems(breaking("- effectiveFrom: 2025-05-08", "- effectiveFrom: 2024-05-18")))
                    .singleElement().asString().startsWith("loanRates[1].effectiveFrom: 2024-05-18 is also the effective date of loanRates[0]");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            String yaml = breaking("personalRate: {min: 5, max: 11}", "personalRate: {min: 5, max: 13}")
                    .replace("baseFloor: 2280.00", "baseFloor: 40000.00")
                    .replace("windowMonths: 24", "windowMonths: twelve")
                    .replace("maxTermYears: 25", "maxTermYears: 35")
                    .replace("buyers: [self, spouse, parent]", "buyers: [self, grandparent]");

            assertThat(problems(yaml)).hasSize(5).anySatisfy(p -> assertThat(p).startsWith("versions[1].contribution.personalRate.max: 13%"))
                    .anySatisfy(p -> assertThat(p).startsWith("versions[0].contribution.baseFloor: 40000.00 is above"))
                    .anySatisfy(p -> assertThat(p).startsWith("versions[1].purchaseWithdrawal.windowMonths: 'twelve' is not a whole number"))
                    .anySatisfy(p -> assertThat(p).startsWith("versions[1].loan.maxTermYears: 35 years is above the national cap of 30 years"))
                    .anySatisfy(p -> assertThat(p).startsWith("versions[1].purchaseWithdrawal.buyers[1]: 'grandparent' is not one of"));
        }

        @Test
        void aMissingKeyAndAMisspeltOneAreReported() {
            assertThat(problems(breaking("    depositRate: 1.50\n", "    depositRat: 1.50\n")))
                    .containsExactlyInAnyOrder(
                            "versions[0].depositRate: is missing (line " + lineOf("- effectiveFrom: 2024-07-01") + ")",
                            "versions[0].depositRat: is not a key of a policy file here (a typo?) (line " + lineOf("depositRate: 1.50\n") + ")");
        }

        @Test
        void buyersMustIncludeTheEmployee() {
            assertThat(problems(breaking("buyers: [self, spouse]", "buyers: [spouse]")))
                    .singleElement().asString().startsWith("versions[0].purchaseWithdrawal.buyers: must include self");
        }

        @Test
        void amountsAndDatesAreCheckedForTheirForm() {
            assertThat(problems(breaking("baseCap: 36675.00", "baseCap: 36675.001"))).singleElement().asString()
                    .startsWith("versions[0].contribution.baseCap: '36675.001' is not an amount in yuan");
            assertThat(problems(breaking("- effectiveFrom: 2024-07-01", "- effectiveFrom: 2024-02-30"))).singleElement().asString()
                    .startsWith("versions[0].effectiveFrom: '2024-02-30' is not a date");
            assertThat(problems(breaking("oncePerHome: true", "oncePerHome: yes please"))).singleElement().asString()
                    .startsWith("versions[0].purchaseWithdrawal.oncePerHome: 'yes please' is not true or false");
        }

        @Test
        void anImplausibleRateOrCenterCodeIsReported() {
            assertThat(problems(breaking("depositRate: 1.5\n", "depositRate: 15\n"))).singleElement().asString()
                    .startsWith("versions[1].depositRate: 15% is not a plausible deposit rate");
            assertThat(problems(breaking("center: \"330100\"", "center: \"3301\""))).singleElement().asString()
                    .startsWith("center: '3301' is not a center code");
        }

        @Test
        void aKeyGivenTwiceIsReported() {
            assertThat(problems(breaking("    depositRate: 1.50\n", "    depositRate: 1.50\n    depositRate: 2.00\n")))
                    .singleElement().asString().startsWith("versions[0].depositRate: appears twice");
        }

        @Test
        void textThatIsNotYamlOrNotAPolicyIsRefused() {
            assertThat(problems("center: [unclosed")).singleElement().asString().startsWith("not valid YAML");
            assertThat(problems("")).containsExactly("the file is empty");
            assertThat(problems("- just\n- a list\n")).singleElement().asString().startsWith("(top): is not a mapping");
        }
    }
}
