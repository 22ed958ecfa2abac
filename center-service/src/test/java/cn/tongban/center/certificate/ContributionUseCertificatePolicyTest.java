package cn.tongban.center.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.proxy.CertificateAccountState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContributionUseCertificatePolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final CenterCode BEIJING = CenterCode.of("110000");

    // ---- given ------------------------------------------------------------------------------------------

    private static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    /** A Beijing account, normal, base 10,000 at 12/12, paid every month from 2019-03 to 2026-10. */
    private static final class AccountBuilder {
        private String name = "王建国";
        private AccountState state = AccountState.NORMAL;
        private LocalDate openedOn = LocalDate.of(2019, 3, 12);
        private Money base = Money.parse("10000.00");
        private BigDecimal unitRate = new BigDecimal("12.00");
        private BigDecimal personalRate = new BigDecimal("12.00");
        private Money balance = Money.parse("186532.40");
        private final List<ContributionMonth> contributions = new ArrayList<>(months("2019-03", "2026-10"));
        private final List<LoanRecord> loans = new ArrayList<>();

        AccountBuilder named(String name) {
            this.name = name;
            return this;
        }

        AccountBuilder in(AccountState state) {
            this.state = state;
            return this;
        }

        AccountBuilder openedOn(LocalDate day) {
            this.openedOn = day;
            return this;
        }

        AccountBuilder withBase(String yuan, String unitPercent, String personalPercent) {
            this.base = Money.parse(yuan);
            this.unitRate = new BigDecimal(unitPercent);
            this.personalRate = new BigDecimal(personalPercent);
            return this;
        }

        AccountBuilder withBalance(String yuan) {
            this.balance = Money.parse(yuan);
            return this;
        }

        AccountBuilder paidNothing() {
            contributions.clear();
            return this;
        }

        /** Replaces the history with these months paid, from and to inclusive. */
        AccountBuilder paid(String from, String to) {
            contributions.clear();
            return alsoPaid(from, to);
        }

        AccountBuilder alsoPaid(String from, String to) {
            contributions.addAll(months(from, to));
            return this;
        }

        AccountBuilder backPaid(String month) {
            contributions.add(new ContributionMonth(YearMonth.parse(month), Money.parse("150.00"), true));
            return this;
        }

        AccountBuilder withLoan(LoanRecord loan) {
            loans.add(loan);
            return this;
        }

        PersonalAccount build() {
            return new PersonalAccount("1100001000245871", IdentityNumber.of("110105198507219116"), name,
                    "110000000123", "北京华信数据科技有限公司", openedOn, state, base, unitRate, personalRate,
                    balance, contributions, loans);
        }

        private static List<ContributionMonth> months(String from, String to) {
            List<ContributionMonth> months = new ArrayList<>();
            for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
                months.add(new ContributionMonth(m, Money.parse("2400.00"), false));
            }
            return months;
        }
    }

    private static LoanRecord aRepaidLoan(String grantedOn, String repaidOn) {
        return LoanRecord.legacy("JK110000-2016-000412", Money.parse("800000.00"), LocalDate.parse(grantedOn), 240,
                Money.ZERO, LocalDate.parse(repaidOn));
    }

    private static LoanRecord anOutstandingLoan() {
        return LoanRecord.legacy("JK110000-2023-001187", Money.parse("1000000.00"), LocalDate.of(2023, 5, 10), 360,
                Money.parse("921456.33"), null);
    }

    // ---- when -------------------------------------------------------------------------------------------

    private static CertificateDecision decide(PersonalAccount account) {
        return decide(account, account.name(), TODAY);
    }

    private static CertificateDecision decide(PersonalAccount account, String nameAtCounter, LocalDate today) {
        return ContributionUseCertificatePolicy.decide(account, nameAtCounter, BEIJING, "北京住房公积金管理中心",
                "上海市", "JCSY-310000-20261125-000042", "李娜", "010-12329", today);
    }

    private static ContributionUseCertificate issued(CertificateDecision decision) {
        assertThat(decision).isInstanceOf(CertificateDecision.Issued.class);
        return ((CertificateDecision.Issued) decision).certificate();
    }

    private static CertificateDecision.Refused refused(CertificateDecision decision) {
        assertThat(decision).isInstanceOf(CertificateDecision.Refused.class);
        return (CertificateDecision.Refused) decision;
    }

    // ---- then -------------------------------------------------------------------------------------------

    @Test
    void aNormalAccountPaidUpToLastMonthGetsACertificateWithEveryFieldOfTheTemplate() {
        PersonalAccount account = anAccount().withLoan(aRepaidLoan("2016-04-01", "2022-08-15")).build();

        ContributionUseCertificate certificate = issued(decide(account));

        assertThat(certificate).isEqualTo(new ContributionUseCertificate(
                "JCSY-310000-20261125-000042", BEIJING, "北京住房公积金管理中心", "王建国",
                IdentityNumber.of("110105198507219116"), "北京华信数据科技有限公司", "1100001000245871",
                LocalDate.of(2019, 3, 12), CertificateAccountState.NORMAL, Money.parse("10000.00"),
                new BigDecimal("12.00"), new BigDecimal("12.00"), Money.parse("2400.00"), Money.parse("186532.40"),
                "壹拾捌万陆仟伍佰叁拾贰元肆角", YearMonth.of(2019, 3), YearMonth.of(2026, 10), LoanHistory.ONE_REPAID,
                "上海市", TODAY, LocalDate.of(2027, 1, 25), "李娜", "010-12329", "我中心保证以上信息真实准确"));
    }

    @Test
    void theMonthlyAmountIsBaseTimesEachRateRoundedToTheFen() {
        // 8888.88 × 7% = 622.2216 → 622.22, twice
        PersonalAccount account = anAccount().withBase("8888.88", "7", "7").build();

        assertThat(issued(decide(account)).monthlyAmount()).isEqualTo(Money.parse("1244.44"));
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @EnumSource(value = AccountState.class, names = {"MERGED_CLOSED", "TRANSFERRED_OUT", "WITHDRAWN_CLOSED"})
        void aClosedAccountGetsNoCertificate(AccountState closed) {
            CertificateDecision.Refused refusal = refused(decide(anAccount().in(closed).build()));

            assertThat(refusal.reasonCode()).isEqualTo("ACCOUNT_CLOSED");
            assertThat(refusal.reason()).contains("销户").contains(closed.chinese());
        }

        @Test
        void aWrongNameLearnsNothingAboutTheAccountNotEvenThatItIsClosed() {
            PersonalAccount account = anAccount().in(AccountState.TRANSFERRED_OUT).build();

            assertThat(refused(decide(account, "李四", TODAY)).reasonCode()).isEqualTo("NAME_MISMATCH");
        }

        @ParameterizedTest
        @ValueSource(strings = {"王建华", "王 建国", "王", "", "   "})
        void aNameThatIsNotTheAccountHoldersGetsNoCertificate(String nameAtCounter) {
            CertificateDecision.Refused refusal = refused(decide(anAccount().build(), nameAtCounter, TODAY));

            assertThat(refusal.reasonCode()).isEqualTo("NAME_MISMATCH");
            assertThat(refusal.reason()).as("the holder's name is not revealed").doesNotContain("王建国");
        }

        @Test
        void noNameAtAllIsAMismatch() {
            assertThat(refused(decide(anAccount().build(), null, TODAY)).reasonCode()).isEqualTo("NAME_MISMATCH");
        }

        @Test
        void aFrozenAccountGetsNoCertificate() {
            CertificateDecision.Refused refusal = refused(decide(anAccount().in(AccountState.FROZEN).build()));

            assertThat(refusal.reasonCode()).isEqualTo("ACCOUNT_FROZEN");
            assertThat(refusal.reason()).contains("冻结");
        }

        @Test
        void aFrozenAccountAskedForUnderAnotherNameIsRefusedForTheName() {
            PersonalAccount account = anAccount().in(AccountState.FROZEN).build();

            assertThat(refused(decide(account, "李四", TODAY)).reasonCode()).isEqualTo("NAME_MISMATCH");
        }

        @Test
        void noAccountIsRefusedWithItsOwnCode() {
            CertificateDecision.Refused refusal = ContributionUseCertificatePolicy.noAccount();

            assertThat(refusal.reasonCode()).isEqualTo("NO_SUCH_ACCOUNT");
            assertThat(refusal.reason()).isNotBlank();
        }
    }

    @Test
    void blanksAroundTheNameAtTheCounterDoNotMatter() {
        PersonalAccount account = anAccount().build();

        assertThat(issued(decide(account, " 王建国 ", TODAY)).name()).isEqualTo("王建国");
        assertThat(issued(decide(account, "王建国\u3000", TODAY)).name()).isEqualTo("王建国"); // ideographic space
    }

    @Nested
    class AccountStateAsPrinted {

        @Test
        void aNormalAccountLastPaidLastMonthIsNormal() {
            PersonalAccount account = anAccount().paid("2020-01", "2026-10").build();

            assertThat(issued(decide(account)).accountState()).isEqualTo(CertificateAccountState.NORMAL);
        }

        @Test
        void aNormalAccountLastPaidTwoMonthsAgoIsInArrears() {
            PersonalAccount account = anAccount().paid("2020-01", "2026-09").build();

            assertThat(issued(decide(account)).accountState()).isEqualTo(CertificateAccountState.ARREARS);
        }

        @Test
        void arrearsAreJudgedAgainstTheDayOfIssue() {
            PersonalAccount account = anAccount().paid("2020-01", "2026-09").build();

            // issued in October, September is the month that must be paid
            assertThat(issued(decide(account, "王建国", LocalDate.of(2026, 10, 31))).accountState())
                    .isEqualTo(CertificateAccountState.NORMAL);
            // issued on the first of December, October was not enough either
            assertThat(issued(decide(account, "王建国", LocalDate.of(2026, 12, 1))).accountState())
                    .isEqualTo(CertificateAccountState.ARREARS);
        }

        @Test
        void payingTheCurrentMonthAheadIsNotArrears() {
            PersonalAccount account = anAccount().paid("2020-01", "2026-11").build();

            assertThat(issued(decide(account)).accountState()).isEqualTo(CertificateAccountState.NORMAL);
        }

        @Test
        void anAccountOpenedThisMonthThatHasNotPaidYetIsNotInArrears() {
            PersonalAccount account = anAccount().openedOn(LocalDate.of(2026, 11, 3)).paidNothing()
                    .withBalance("0.00").build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.accountState()).isEqualTo(CertificateAccountState.NORMAL);
            assertThat(certificate.continuousFrom()).isNull();
            assertThat(certificate.continuousTo()).isNull();
            assertThat(certificate.balanceInWords()).isEqualTo("零元整");
        }

        @Test
        void anAccountOpenedLongAgoThatNeverPaidIsInArrears() {
            PersonalAccount account = anAccount().openedOn(LocalDate.of(2026, 6, 1)).paidNothing()
                    .withBalance("0.00").build();

            assertThat(issued(decide(account)).accountState()).isEqualTo(CertificateAccountState.ARREARS);
        }

        @Test
        void aSealedAccountIsPrintedSealedHoweverLongAgoItLastPaid() {
            PersonalAccount account = anAccount().in(AccountState.SEALED).paid("2015-01", "2023-06").build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.accountState()).isEqualTo(CertificateAccountState.SEALED);
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2023, 6));
        }

        @Test
        void anyOtherStateIsPrintedAsOther() {
            PersonalAccount account = anAccount().in(AccountState.OTHER).build();

            assertThat(issued(decide(account)).accountState()).isEqualTo(CertificateAccountState.OTHER);
        }
    }

    @Nested
    class ContinuousPeriod {

        @Test
        void anUnbrokenHistoryIsContinuousFromItsFirstMonth() {
            ContributionUseCertificate certificate = issued(decide(anAccount().paid("2019-03", "2026-10").build()));

            assertThat(certificate.continuousFrom()).isEqualTo(YearMonth.of(2019, 3));
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2026, 10));
        }

        @Test
        void aGapInContributionsRestartsTheContinuousPeriod() {
            // 2024-05 and 2024-06 missing (a change of job)
            PersonalAccount account = anAccount().paid("2019-03", "2024-04").alsoPaid("2024-07", "2026-10").build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.continuousFrom()).isEqualTo(YearMonth.of(2024, 7));
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2026, 10));
        }

        @Test
        void aSingleMissingMonthIsEnoughToBreakIt() {
            PersonalAccount account = anAccount().paid("2019-03", "2026-08").alsoPaid("2026-10", "2026-10").build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.continuousFrom()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2026, 10));
        }

        @Test
        void aMonthPaidTwiceCountsOnce() {
            // a back payment (补缴) of the base difference for a month already paid
            PersonalAccount account = anAccount().paid("2025-07", "2026-10").backPaid("2025-07").backPaid("2026-03")
                    .build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.continuousFrom()).isEqualTo(YearMonth.of(2025, 7));
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2026, 10));
        }

        @Test
        void aBackPaymentThatFillsAGapJoinsTheRuns() {
            PersonalAccount account = anAccount().paid("2023-01", "2024-04").alsoPaid("2024-06", "2026-10")
                    .backPaid("2024-05").build();

            assertThat(issued(decide(account)).continuousFrom()).isEqualTo(YearMonth.of(2023, 1));
        }

        @Test
        void theOrderInWhichMonthsAreStoredDoesNotMatter() {
            PersonalAccount account = anAccount().paid("2026-01", "2026-10").alsoPaid("2025-11", "2025-12").build();

            ContributionUseCertificate certificate = issued(decide(account));

            assertThat(certificate.continuousFrom()).isEqualTo(YearMonth.of(2025, 11));
            assertThat(certificate.continuousTo()).isEqualTo(YearMonth.of(2026, 10));
        }
    }

    @Nested
    class LoanHistoryAsPrinted {

        @Test
        void noLoansIsNoLoanRecord() {
            assertThat(issued(decide(anAccount().build())).loanHistory()).isEqualTo(LoanHistory.NONE);
        }

        @Test
        void oneRepaidLoan() {
            PersonalAccount account = anAccount().withLoan(aRepaidLoan("2016-04-01", "2022-08-15")).build();

            assertThat(issued(decide(account)).loanHistory()).isEqualTo(LoanHistory.ONE_REPAID);
        }

        @Test
        void twoRepaidLoans() {
            PersonalAccount account = anAccount().withLoan(aRepaidLoan("2010-04-01", "2014-01-20"))
                    .withLoan(aRepaidLoan("2016-04-01", "2022-08-15")).build();

            assertThat(issued(decide(account)).loanHistory()).isEqualTo(LoanHistory.TWO_OR_MORE_REPAID);
        }

        @Test
        void anyLoanNotRepaidIsOutstandingWhateverElseWasRepaid() {
            assertThat(issued(decide(anAccount().withLoan(anOutstandingLoan()).build())).loanHistory())
                    .isEqualTo(LoanHistory.OUTSTANDING);
            assertThat(issued(decide(anAccount().withLoan(aRepaidLoan("2016-04-01", "2022-08-15"))
                    .withLoan(anOutstandingLoan()).build())).loanHistory())
                    .isEqualTo(LoanHistory.OUTSTANDING);
        }
    }

    @Test
    void theBalanceIsAlsoWrittenInCapitalNumerals() {
        PersonalAccount account = anAccount().withBalance("100000.07").build();

        assertThat(issued(decide(account)).balanceInWords()).isEqualTo("壹拾万元零柒分");
    }

    @Test
    void aCertificateIsValidForTwoMonthsFromTheDayOfIssue() {
        assertThat(issued(decide(anAccount().build(), "王建国", LocalDate.of(2026, 11, 25))).validUntil())
                .isEqualTo(LocalDate.of(2027, 1, 25));
        // no 31 February: the end of the month
        assertThat(issued(decide(anAccount().paid("2020-01", "2026-11").build(), "王建国", LocalDate.of(2026, 12, 31)))
                .validUntil()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theCertificateCarriesTheDeclarationAboveTheSeal() {
        assertThat(issued(decide(anAccount().build())).declaration()).isEqualTo("我中心保证以上信息真实准确");
    }
}
