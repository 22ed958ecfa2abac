package cn.tongban.center.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.Employer;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.certificate.CertificateDecision;
import cn.tongban.center.certificate.ContributionUseCertificatePolicy;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.proxy.CertificateAccountState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoDataGeneratorTest {

    private static final YearMonth PAID_UP_TO = YearMonth.of(2026, 11);
    private static final CenterCode BEIJING = CenterCode.of("110000");
    private static final int SAMPLE = 10_000;

    private static List<PersonalAccount> beijing;
    private static List<Employer> beijingEmployers;

    @BeforeAll
    static void generateASampleOfBeijing() {
        DemoDataGenerator generator = new DemoDataGenerator(BEIJING, PAID_UP_TO, 300);
        beijing = generator.accounts(SAMPLE).toList();
        beijingEmployers = generator.employers().toList();
    }

    @AfterAll
    static void releaseTheSample() {
        // the surefire JVM runs the Spring tests afterwards on a small heap
        beijing = null;
        beijingEmployers = null;
    }

    private static double share(List<PersonalAccount> accounts, Predicate<PersonalAccount> which) {
        return accounts.stream().filter(which).count() / (double) accounts.size();
    }

    @Nested
    class Employers {

        @ParameterizedTest
        @ValueSource(strings = {"110000", "310000", "440100", "440300", "650100", "500000"})
        void creditCodesAreValidAndCarryTheCentersDivision(String code) {
            List<Employer> employers = new DemoDataGenerator(CenterCode.of(code), PAID_UP_TO, 2_000).employers().toList();

            assertThat(employers).allSatisfy(employer -> {
                assertThat(CreditCode.problemWith(employer.creditCode().value())).isEmpty();
                assertThat(employer.creditCode().value().substring(2, 8)).isEqualTo(code);
            });
            assertThat(employers).extracting(e -> e.creditCode().value()).doesNotHaveDuplicates();
            assertThat(employers).extracting(Employer::accountNumber).doesNotHaveDuplicates();
        }

        @Test
        void companiesHaveChineseNamesOfTheirCityAndAFewArePublicInstitutions() {
            assertThat(beijingEmployers).allSatisfy(employer -> assertThat(employer.name())
                    .startsWith("北京").matches("\\p{IsHan}+").hasSizeGreaterThan(6));
            assertThat(beijingEmployers).filteredOn(e -> e.name().endsWith("公司")).hasSizeGreaterThan(250);
            assertThat(beijingEmployers).filteredOn(e -> e.creditCode().value().startsWith("12"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.name()).startsWith("北京市第"));
        }

        @ParameterizedTest
        @CsvSource({"110000, 12, 5, 12", "310000, 7, 5, 7", "440100, 5, 5, 12"})
        void mostEmployersUseTheCitysTypicalRateAndNoneLeavesItsRange(String code, int typical, int min, int max) {
            List<Employer> employers = new DemoDataGenerator(CenterCode.of(code), PAID_UP_TO, 1_000).employers().toList();

            long typicalOnBothSides = employers.stream()
                    .filter(e -> e.unitRate().intValue() == typical && e.personalRate().intValue() == typical).count();
            assertThat(typicalOnBothSides).isGreaterThan(employers.size() / 2).isLessThan(employers.size());
            assertThat(employers).allSatisfy(e -> {
                assertThat(e.unitRate().intValue()).isBetween(min, max);
                assertThat(e.personalRate().intValue()).isBetween(min, max);
            });
        }
    }

    @Nested
    class People {

        @Test
        void everyIdentityNumberIsValidAndDifferent() {
            assertThat(beijing).allSatisfy(a -> assertThat(IdentityNumber.problemWith(a.identityNumber().value())).isEmpty());
            assertThat(beijing).extracting(a -> a.identityNumber().value()).doesNotHaveDuplicates();
            assertThat(beijing).extracting(PersonalAccount::accountNumber).doesNotHaveDuplicates();
        }

        @Test
        void peopleAreBornBetween1965And2003AndTheSequenceMatchesTheName() {
            assertThat(beijing).allSatisfy(a -> {
                assertThat(a.identityNumber().birthDate().getYear()).isBetween(1965, 2003);
                assertThat(Integer.parseInt(a.identityNumber().value().substring(14, 17))).isBetween(1, 899);
                assertThat(a.name()).matches("\\p{IsHan}{2,3}");
            });
            assertThat(share(beijing, a -> a.identityNumber().isMale())).isBetween(0.45, 0.55);
            assertThat(beijing).extracting(a -> a.identityNumber().birthDate().getYear()).contains(1965, 1980, 2003);
        }

        @Test
        void mostAreBornInTheCityAndSomeElsewhere() {
            Set<String> beijingDistricts = Set.of("110101", "110102", "110103", "110104", "110105", "110106",
                    "110107", "110108");
            double local = share(beijing, a -> beijingDistricts.contains(a.identityNumber().value().substring(0, 6)));

            assertThat(local).isBetween(0.55, 0.75);
            assertThat(beijing).extracting(a -> a.identityNumber().value().substring(0, 6))
                    .contains("110101", "110108")
                    .anyMatch(code -> code.startsWith("44"))
                    .anyMatch(code -> code.startsWith("51"));
        }

        @Test
        void eachPersonWorksForAGeneratedEmployerAtItsRates() {
            Map<String, Employer> employers = beijingEmployers.stream()
                    .collect(Collectors.toMap(Employer::accountNumber, Function.identity()));

            assertThat(beijing).allSatisfy(a -> {
                Employer employer = employers.get(a.employerAccountNumber());
                assertThat(employer).isNotNull();
                assertThat(a.employerName()).isEqualTo(employer.name());
                assertThat(a.unitRate()).isEqualTo(employer.unitRate());
                assertThat(a.personalRate()).isEqualTo(employer.personalRate());
            });
        }

        @Test
        void anUpToDateAccountsBaseIsWithinTheCitysBounds() {
            assertThat(beijing).filteredOn(a -> a.paidUpTo().orElseThrow().equals(PAID_UP_TO))
                    .hasSizeGreaterThan(SAMPLE * 8 / 10)
                    .allSatisfy(a -> assertThat(a.contributionBase().yuan()).isBetween(
                            new BigDecimal("2500"), new BigDecimal("35000")));
            assertThat(beijing).allSatisfy(a -> assertThat(a.contributionBase().yuan())
                    .isBetween(new BigDecimal("1500"), new BigDecimal("35000")));
        }
    }

    @Nested
    class Histories {

        @Test
        void theBalanceOfAnOpenAccountIsTheSumOfItsContributionsAndAClosedOneIsEmpty() {
            assertThat(beijing).allSatisfy(a -> {
                Money sum = a.contributions().stream().map(ContributionMonth::amount).reduce(Money.ZERO, Money::plus);
                assertThat(a.balance()).isEqualTo(a.state().isClosed() ? Money.ZERO : sum);
            });
        }

        @Test
        void aRegularMonthlyAmountIsTheBaseOfItsYearTimesBothRates() {
            // the last month of an up-to-date account was paid at today's base
            assertThat(beijing).filteredOn(a -> a.paidUpTo().orElseThrow().equals(PAID_UP_TO))
                    .allSatisfy(a -> assertThat(a.contributions())
                            .filteredOn(c -> c.month().equals(PAID_UP_TO))
                            .extracting(ContributionMonth::amount)
                            .contains(a.monthlyAmount()));
        }

        @Test
        void historiesSpanSeveralYearsFromTheOpeningToNoLaterThanTheLastMonthCollected() {
            assertThat(beijing).allSatisfy(a -> {
                YearMonth opened = YearMonth.from(a.openedOn());
                assertThat(opened).isAfterOrEqualTo(YearMonth.of(2005, 1));
                assertThat(a.contributions()).isNotEmpty().allSatisfy(c -> {
                    assertThat(c.month()).isAfterOrEqualTo(opened).isBeforeOrEqualTo(PAID_UP_TO);
                    assertThat(c.amount().isNegative()).isFalse();
                });
            });
            List<Long> lengths = beijing.stream()
                    .map(a -> YearMonth.from(a.openedOn()).until(a.paidUpTo().orElseThrow(), ChronoUnit.MONTHS))
                    .sorted().toList();
            assertThat(lengths.get(lengths.size() / 2)).as("median history in months").isGreaterThan(48);
        }

        @Test
        void theBookHoldsEveryKindOfAccountACertificateMeets() {
            Map<AccountState, Long> states = beijing.stream()
                    .collect(Collectors.groupingBy(PersonalAccount::state, Collectors.counting()));

            assertThat(states.get(AccountState.NORMAL)).isGreaterThan(SAMPLE * 8L / 10);
            assertThat(states.get(AccountState.SEALED)).isBetween(SAMPLE * 4L / 100, SAMPLE * 14L / 100);
            assertThat(states.get(AccountState.TRANSFERRED_OUT) + states.get(AccountState.WITHDRAWN_CLOSED))
                    .isBetween(SAMPLE / 100L, SAMPLE * 6L / 100);
            assertThat(states).containsKey(AccountState.FROZEN);
            // in arrears: normal, but the last month paid lies before the month before
            assertThat(share(beijing, a -> a.state() == AccountState.NORMAL
                    && a.paidUpTo().orElseThrow().isBefore(PAID_UP_TO.minusMonths(1)))).isBetween(0.01, 0.06);
            assertThat(share(beijing, DemoDataGeneratorTest::hasAGap)).isBetween(0.08, 0.20);
            assertThat(share(beijing, a -> a.contributions().stream().anyMatch(ContributionMonth::backPayment)))
                    .isGreaterThan(0.01);
            assertThat(share(beijing, a -> a.contributions().size()
                    > a.contributions().stream().map(ContributionMonth::month).distinct().count())).isGreaterThan(0.005);
        }

        @Test
        void sealedAndClosedAccountsStoppedPaying() {
            assertThat(beijing).filteredOn(a -> a.state() == AccountState.SEALED || a.state().isClosed())
                    .allSatisfy(a -> assertThat(a.paidUpTo().orElseThrow()).isBefore(PAID_UP_TO));
        }
    }

    private static boolean hasAGap(PersonalAccount account) {
        Set<YearMonth> months = new HashSet<>();
        account.contributions().forEach(c -> months.add(c.month()));
        YearMonth first = YearMonth.from(account.openedOn());
        return first.until(account.paidUpTo().orElseThrow(), ChronoUnit.MONTHS) + 1 > months.size();
    }

    @Nested
    class Loans {

        @Test
        void aboutOneInFiveHasLoansRepaidOrOutstanding() {
            List<LoanRecord> loans = beijing.stream().flatMap(a -> a.loans().stream()).toList();

            assertThat(share(beijing, a -> !a.loans().isEmpty())).isBetween(0.12, 0.25);
            assertThat(loans).anyMatch(LoanRecord::isRepaid).anyMatch(loan -> !loan.isRepaid());
            assertThat(beijing).anyMatch(a -> a.loans().size() == 2);
            assertThat(loans).extracting(LoanRecord::contractNumber).doesNotHaveDuplicates();
        }

        @Test
        void loansAreConsistentInThemselves() {
            assertThat(beijing).flatMap(PersonalAccount::loans).allSatisfy(loan -> {
                assertThat(loan.principal().yuan()).isBetween(new BigDecimal("200000"), new BigDecimal("1200000"));
                assertThat(loan.termMonths()).isBetween(120, 360);
                assertThat(loan.grantedOn()).isAfterOrEqualTo(LocalDate.of(2006, 1, 1));
                if (loan.isRepaid()) {
                    assertThat(loan.outstandingPrincipal()).isEqualTo(Money.ZERO);
                    assertThat(loan.repaidOn()).isAfterOrEqualTo(loan.grantedOn())
                            .isBeforeOrEqualTo(PAID_UP_TO.atEndOfMonth());
                } else {
                    assertThat(loan.outstandingPrincipal()).isGreaterThan(Money.ZERO).isLessThan(loan.principal());
                }
            });
        }

        @Test
        void aClosedAccountHasNoOutstandingLoanAndASecondLoanFollowsTheFirstsRepayment() {
            assertThat(beijing).filteredOn(a -> a.state().isClosed())
                    .allSatisfy(a -> assertThat(a.loans()).allMatch(LoanRecord::isRepaid));
            assertThat(beijing).filteredOn(a -> a.loans().size() == 2).allSatisfy(a -> {
                assertThat(a.loans().get(0).isRepaid()).isTrue();
                assertThat(a.loans().get(1).grantedOn()).isAfter(a.loans().get(0).repaidOn());
            });
        }
    }

    @Nested
    class Determinism {

        @Test
        void theSameCenterAndMonthGiveTheSameDataRecordForRecord() {
            DemoDataGenerator again = new DemoDataGenerator(BEIJING, PAID_UP_TO, 300);

            assertThat(again.accounts(2_000).toList()).isEqualTo(beijing.subList(0, 2_000));
            assertThat(again.employers().toList()).isEqualTo(beijingEmployers);
        }

        @Test
        void anAccountIsTheSameWhetherStreamedOrAskedForByIndex() {
            DemoDataGenerator generator = new DemoDataGenerator(BEIJING, PAID_UP_TO, 300);

            assertThat(generator.account(1_234)).isEqualTo(beijing.get(1_234));
            assertThat(generator.account(SAMPLE - 1)).isEqualTo(beijing.get(SAMPLE - 1));
        }

        @Test
        void anotherCenterGetsOtherPeople() {
            List<PersonalAccount> shanghai = new DemoDataGenerator(CenterCode.of("310000"), PAID_UP_TO, 300)
                    .accounts(1_000).toList();

            Set<String> beijingNumbers = beijing.stream().map(a -> a.identityNumber().value()).collect(Collectors.toSet());
            assertThat(shanghai).noneMatch(a -> beijingNumbers.contains(a.identityNumber().value()));
            assertThat(shanghai).allSatisfy(a -> assertThat(a.accountNumber()).startsWith("310000"));
            assertThat(share(shanghai, a -> a.identityNumber().value().startsWith("31"))).isGreaterThan(0.5);
        }

        @Test
        @Timeout(10)
        void theStreamIsLazyEnoughForAMillionAccounts() {
            DemoDataGenerator generator = new DemoDataGenerator(BEIJING, PAID_UP_TO);

            assertThat(generator.accounts(1_000_000).limit(10)).hasSize(10);
            PersonalAccount millionth = generator.account(999_999);
            assertThat(IdentityNumber.problemWith(millionth.identityNumber().value())).isEmpty();
            assertThat(generator.account(DemoDataGenerator.MAX_ACCOUNTS - 1)).isNotNull();
            assertThatIllegalArgumentException().isThrownBy(() -> generator.accounts(DemoDataGenerator.MAX_ACCOUNTS + 1));
        }

        @Test
        void generatedPeopleNeverShareAnIdentityNumberOverTheWholeRange() {
            // the birth date and sequence are a permutation of the index: spot-check far-apart indexes
            DemoDataGenerator generator = new DemoDataGenerator(BEIJING, PAID_UP_TO);
            Set<String> birthAndSequence = new HashSet<>();
            for (long i = 0; i < DemoDataGenerator.MAX_ACCOUNTS; i += 997) {
                String id = generator.account(i).identityNumber().value();
                assertThat(birthAndSequence.add(id.substring(6, 17))).as("index " + i).isTrue();
            }
        }
    }

    @Nested
    class WalkthroughPeople {

        @ParameterizedTest
        @CsvSource({
                "110000, 110105198507219116 王建国 NORMAL, 110108199003159248 李秀英 SEALED, "
                        + "110102196204089336 赵德明 WITHDRAWN_CLOSED, 110106199211059265 陈静 NORMAL",
                "310000, 310104198802169482 周丽华 NORMAL, 310115199106239516 陆文杰 SEALED, "
                        + "310105196303129627 顾美玲 WITHDRAWN_CLOSED, 310110199409309153 沈浩 NORMAL",
                "440100, 440106198611089377 黄志强 NORMAL, 440105199507249287 梁嘉欣 SEALED, "
                        + "440104198301209131 陈伟明 TRANSFERRED_OUT, 440111199203179467 林晓雯 NORMAL"})
        void eachCenterHasItsFixedCast(String center, String first, String second, String third, String fourth) {
            List<PersonalAccount> people = DemoDataGenerator.walkthroughPeople(CenterCode.of(center), PAID_UP_TO);

            assertThat(people).extracting(a -> a.identityNumber().value() + " " + a.name() + " " + a.state())
                    .startsWith(first, second, third, fourth);
            assertThat(people).allSatisfy(a -> {
                assertThat(IdentityNumber.problemWith(a.identityNumber().value())).isEmpty();
                assertThat(a.accountNumber()).startsWith(center);
            });
            assertThat(new DemoDataGenerator(CenterCode.of(center), PAID_UP_TO).walkthroughPeople()).isEqualTo(people);
        }

        @Test
        void theirEmployerIsAmongTheCentersEmployersAndNoGeneratedPersonIsOneOfThem() {
            List<PersonalAccount> cast = DemoDataGenerator.walkthroughPeople(BEIJING, PAID_UP_TO);
            Set<String> employers = beijingEmployers.stream().map(Employer::accountNumber).collect(Collectors.toSet());
            Set<String> generated = beijing.stream().map(a -> a.identityNumber().value()).collect(Collectors.toSet());

            assertThat(cast).allSatisfy(a -> {
                assertThat(employers).contains(a.employerAccountNumber());
                assertThat(generated).doesNotContain(a.identityNumber().value());
                assertThat(Integer.parseInt(a.identityNumber().value().substring(14, 17))).isGreaterThanOrEqualTo(900);
            });
            assertThat(beijingEmployers.get(0).creditCode()).isEqualTo(CreditCode.of("91110000MA01TB014A"));
        }

        @Test
        void theirBalancesAreTheSumOfTheirContributions() {
            assertThat(DemoDataGenerator.walkthroughPeople(BEIJING, PAID_UP_TO)).allSatisfy(a -> assertThat(a.balance())
                    .isEqualTo(a.state().isClosed() ? Money.ZERO
                            : a.contributions().stream().map(ContributionMonth::amount).reduce(Money.ZERO, Money::plus)));
        }

        @Test
        void theReadmeStoryHoldsForBeijing() {
            List<PersonalAccount> cast = DemoDataGenerator.walkthroughPeople(BEIJING, PAID_UP_TO);
            LocalDate today = PAID_UP_TO.atDay(25);

            ContributionUseCertificate wang = issued(cast.get(0), today);
            assertThat(wang.accountState()).isEqualTo(CertificateAccountState.NORMAL);
            assertThat(wang.loanHistory()).isEqualTo(LoanHistory.ONE_REPAID);
            assertThat(wang.monthlyAmount()).isEqualTo(Money.parse("4440.00"));
            assertThat(wang.continuousFrom()).isEqualTo(YearMonth.of(2012, 7));

            assertThat(issued(cast.get(1), today).accountState()).isEqualTo(CertificateAccountState.SEALED);

            assertThat(decide(cast.get(2), today)).isInstanceOfSatisfying(CertificateDecision.Refused.class,
                    refused -> assertThat(refused.reasonCode()).isEqualTo("ACCOUNT_CLOSED"));

            ContributionUseCertificate chen = issued(cast.get(3), today);
            assertThat(chen.continuousFrom()).isEqualTo(YearMonth.of(2021, 6));
            assertThat(chen.loanHistory()).isEqualTo(LoanHistory.OUTSTANDING);
        }

        @Test
        void beijingHasARetiredPersonForTheRetirementWithdrawal() {
            PersonalAccount liu = DemoDataGenerator.walkthroughPeople(BEIJING, PAID_UP_TO).get(4);

            assertThat(liu.name()).isEqualTo("刘桂芳");
            assertThat(liu.identityNumber().birthDate()).isEqualTo(LocalDate.of(1964, 5, 18));
            assertThat(liu.state()).isEqualTo(AccountState.NORMAL);
            assertThat(liu.loans()).isEmpty();
            assertThat(liu.balance().fen()).isPositive();
        }

        @Test
        void otherCentersHaveNoWalkthroughAndItIsSetFrom2026() {
            assertThat(DemoDataGenerator.walkthroughPeople(CenterCode.of("650100"), PAID_UP_TO)).isEmpty();
            assertThat(new DemoDataGenerator(CenterCode.of("650100"), PAID_UP_TO, 10).employers()).hasSize(10);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> DemoDataGenerator.walkthroughPeople(BEIJING, YearMonth.of(2020, 1)));
        }

        private CertificateDecision decide(PersonalAccount account, LocalDate today) {
            return ContributionUseCertificatePolicy.decide(account, account.name(), BEIJING, "北京住房公积金管理中心",
                    "上海市", "JCSY-TEST", "李娜", "010-12329", today);
        }

        private ContributionUseCertificate issued(PersonalAccount account, LocalDate today) {
            CertificateDecision decision = decide(account, today);
            assertThat(decision).isInstanceOf(CertificateDecision.Issued.class);
            return ((CertificateDecision.Issued) decision).certificate();
        }
    }

    @Test
    void aCityNotInTheTableStillGetsValidDataOfItsOwnDivision() {
        List<PersonalAccount> urumqi = new DemoDataGenerator(CenterCode.of("650100"), PAID_UP_TO, 50)
                .accounts(500).toList();

        assertThat(urumqi).allSatisfy(a -> assertThat(IdentityNumber.problemWith(a.identityNumber().value())).isEmpty());
        assertThat(share(urumqi, a -> a.identityNumber().value().startsWith("6501"))).isGreaterThan(0.5);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoDataGenerator(BEIJING, YearMonth.of(2008, 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoDataGenerator(BEIJING, PAID_UP_TO, 0));
    }
}
