package cn.tongban.center.dataquality;

import static cn.tongban.center.dataquality.Rows.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row of a personal-account export: every reason on its own, and several at once. */
class PersonalAccountRowCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    final PersonalAccountRowCheck check = new PersonalAccountRowCheck(ImportRules.national(TODAY));

    private ImportedAccount accepted(Rows row) {
        RowVerdict<ImportedAccount> verdict = check.check(row.build());
        assertThat(verdict).isInstanceOf(RowVerdict.Accepted.class);
        return ((RowVerdict.Accepted<ImportedAccount>) verdict).record();
    }

    private List<Finding> refused(Rows row) {
        RowVerdict<ImportedAccount> verdict = check.check(row.build());
        assertThat(verdict).isInstanceOf(RowVerdict.Refused.class);
        return ((RowVerdict.Refused<ImportedAccount>) verdict).reasons();
    }

    @Test
    void aGoodRowBecomesTheAccountItDescribes() {
        ImportedAccount imported = accepted(account().onLine(7));

        PersonalAccount account = imported.account();
        assertThat(account.accountNumber()).isEqualTo("110000100000001");
        assertThat(account.identityNumber().value()).isEqualTo(Rows.WANG);
        assertThat(account.name()).isEqualTo("王建国");
        assertThat(account.employerAccountNumber()).isEqualTo("110000800000001");
        assertThat(account.employerName()).isEqualTo("北京华信数据科技有限公司");
        assertThat(account.openedOn()).isEqualTo(LocalDate.of(2012, 7, 16));
        assertThat(account.state()).isEqualTo(AccountState.NORMAL);
        assertThat(account.contributionBase()).isEqualTo(Money.parse("18500.00"));
        assertThat(account.unitRate()).isEqualByComparingTo("12");
        assertThat(account.personalRate()).isEqualByComparingTo("12");
        assertThat(account.balance()).isEqualTo(Money.ofFen(35_642_000));
        assertThat(account.contributions()).isEmpty();
        assertThat(imported.bankAccount()).isEqualTo("6222020200112345678");
        assertThat(imported.reviewFlags()).isEmpty();
        assertThat(imported.line()).isEqualTo(7);
    }

    @Test
    void valuesAreReadAsOldSystemsWriteThem() {
        ImportedAccount imported = accepted(account().with(Column.ZJHM, "11010519491231002x")
                .with(Column.KHRQ, "2012/7/6").with(Column.GRZHZT, "2").with(Column.DWJCBL, "7.5%")
                .with(Column.GRZHYE, "0"));

        assertThat(imported.account().identityNumber().value()).isEqualTo("11010519491231002X");
        assertThat(imported.account().openedOn()).isEqualTo(LocalDate.of(2012, 7, 6));
        assertThat(imported.account().state()).isEqualTo(AccountState.SEALED);
        assertThat(imported.account().unitRate()).isEqualByComparingTo(new BigDecimal("7.5"));
        assertThat(imported.account().balance()).isEqualTo(Money.ZERO);
        assertThat(accepted(account().with(Column.KHRQ, "20120716")).account().openedOn()).isEqualTo(LocalDate.of(2012, 7, 16));
    }

    @Test
    void aWrongCheckCharacterIsAnInvalidIdentityNumberWithTheStandardsReason() {
        assertThat(refused(account().with(Column.ZJHM, Rows.WRONG_CHECK)))
                .containsExactly(new Finding(IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM", "the check character does not match (GB 11643)"));
    }

    @ParameterizedTest
    @CsvSource({
            "11010519490230002X, the birth date 19490230 does not exist",
            "1101051949123100, an identity number is 17 digits and a check digit or X",
            "11010520991231002X, the birth date 20991231 is not possible"})
    void anIdentityNumberWithoutAPossibleBirthDateIsInvalid(String number, String detail) {
        assertThat(refused(account().with(Column.ZJHM, number)))
                .containsExactly(new Finding(IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM", detail));
    }

    @Test
    void aFirstGenerationNumberIsInvalidAndTheClerkIsToldItsEighteenDigitForm() {
        assertThat(refused(account().with(Column.ZJHM, "110105491231002"))).containsExactly(new Finding(
                IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM", "an identity number is 17 digits and a check digit or X;"
                + " a first-generation number, whose 18-digit form is 11010519491231002X"));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-02-30, 2023-02-30 does not exist",
            "20230230, 20230230 does not exist",
            "2026-11-26, 2026-11-26 lies in the future",
            "1990-12-31, 'opened on 1990-12-31, before the housing provident fund existed (1991)'",
            "2001-07-20, 'opened on 2001-07-20, before the holder turned 16 (born 1985-07-21)'",
            "16.07.2012, '''16.07.2012'' is not a date (write 2023-02-03 or 20230203)'"})
    void anOpeningDateThatCannotBeIsAnImpossibleDate(String date, String detail) {
        assertThat(refused(account().with(Column.KHRQ, date)))
                .containsExactly(new Finding(IssueCode.IMPOSSIBLE_DATE, "KHRQ", detail));
    }

    @Test
    void theDayTheHolderTurnsSixteenAndTodayArePossible() {
        assertThat(accepted(account().with(Column.KHRQ, "2001-07-21")).account().openedOn()).isEqualTo("2001-07-21");
        assertThat(accepted(account().with(Column.KHRQ, "2026-11-25")).account().openedOn()).isEqualTo(TODAY);
    }

    @ParameterizedTest
    @CsvSource({"07", "00", "100", "A", "正常"})
    void aStateCodeOutsideTheStandardIsUnknown(String code) {
        assertThat(refused(account().with(Column.GRZHZT, code))).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(IssueCode.UNKNOWN_ACCOUNT_STATE, "GRZHZT"));
    }

    @ParameterizedTest
    @CsvSource({"DWJCBL, 4.99", "DWJCBL, 12.5", "GRJCBL, 0.12", "GRJCBL, 15"})
    void aRateOutsideFiveToTwelvePercentIsOutOfRange(Column column, String rate) {
        assertThat(refused(account().with(column, rate))).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(IssueCode.RATE_OUT_OF_RANGE, column.name()));
    }

    @Test
    void aRateWrittenAsAFractionGetsAHint() {
        assertThat(refused(account().with(Column.GRJCBL, "0.12")).get(0).detail())
                .isEqualTo("0.12% is outside 5%–12% (a fraction? rates are written in percent)");
    }

    @Test
    void theEndsOfTheRangeAreIn() {
        assertThat(accepted(account().with(Column.DWJCBL, "5").with(Column.GRJCBL, "12.00")).account().personalRate())
                .isEqualByComparingTo("12");
    }

    @Test
    void aBalanceBelowZeroIsNegative() {
        assertThat(refused(account().with(Column.GRZHYE, "-0.01")))
                .containsExactly(new Finding(IssueCode.NEGATIVE_BALANCE, "GRZHYE", "the balance -0.01 is below zero"));
    }

    @ParameterizedTest
    @CsvSource({
            "GRZHYE, 1234.567, an amount has at most two decimal places: 1234.567",
            "GRZHYE, 1.2e3, an amount is written like 12345.67: 1.2e3",
            "GRZHYE, '12,345.00', 'an amount is written like 12345.67: 12,345.00'",
            "GRJCJS, abc, an amount is written like 12345.67: abc",
            "GRJCJS, 0.00, 'a contribution base is above zero, not 0.00'",
            "DWJCBL, twelve, '''twelve'' is not a rate in percent (write 12 or 7.5)'"})
    void anAmountThatIsNoAmountIsBad(Column column, String value, String detail) {
        assertThat(refused(account().with(column, value))).containsExactly(new Finding(IssueCode.BAD_AMOUNT, column.name(), detail));
    }

    @ParameterizedTest
    @CsvSource({"GRZH", "XINGMING", "ZJHM", "DWZH", "KHRQ", "GRZHZT", "GRJCJS", "DWJCBL", "GRJCBL", "GRZHYE"})
    void eachRequiredColumnMayNotBeEmpty(Column column) {
        assertThat(refused(account().with(column, ""))).containsExactly(new Finding(IssueCode.MISSING_FIELD, column.name(),
                column + " (" + column.chinese() + ") is empty"));
    }

    @Test
    void theEmployerNameIsOptional() {
        assertThat(accepted(account().without(Column.DWMC)).account().employerName()).isNull();
    }

    @Test
    void anOpenAccountWithoutABankCardIsImportedAndFlagged() {
        ImportedAccount imported = accepted(account().with(Column.YHZH, " "));

        assertThat(imported.bankAccount()).isNull();
        assertThat(imported.reviewFlags()).extracting(Finding::code).containsExactly(IssueCode.MISSING_BANK_ACCOUNT);
        assertThat(accepted(account().without(Column.YHZH)).reviewFlags()).extracting(Finding::code)
                .containsExactly(IssueCode.MISSING_BANK_ACCOUNT);
    }

    @ParameterizedTest
    @CsvSource({"6222", "6222-0202-0011-2345", "无", "622202020011234567890123456789012"})
    void aBankCardThatIsNoAccountNumberIsNotStoredButQuotedInTheFlag(String card) {
        ImportedAccount imported = accepted(account().with(Column.YHZH, card));

        assertThat(imported.bankAccount()).isNull();
        assertThat(imported.reviewFlags()).containsExactly(new Finding(IssueCode.MISSING_BANK_ACCOUNT, "YHZH",
                "'" + card + "' is no bank account number (10 to 32 digits)"));
    }

    @Test
    void spacesInABankCardAreDropped() {
        assertThat(accepted(account().with(Column.YHZH, "6222 0202 0011 2345 678")).bankAccount())
                .isEqualTo("6222020200112345678");
    }

    @Test
    void aClosedAccountNeedsNoBankCard() {
        assertThat(accepted(account().with(Column.GRZHZT, "05").with(Column.GRZHYE, "0.00").without(Column.YHZH))
                .reviewFlags()).isEmpty();
    }

    @Test
    void everyReasonOfARowIsFoundNotJustTheFirst() {
        List<Finding> reasons = refused(account().with(Column.XINGMING, "").with(Column.ZJHM, Rows.WRONG_CHECK)
                .with(Column.KHRQ, "2023-02-30").with(Column.GRZHZT, "07").with(Column.DWJCBL, "3")
                .with(Column.GRJCBL, "13").with(Column.GRJCJS, "8000.001").with(Column.GRZHYE, "-5.00")
                .with(Column.YHZH, ""));

        assertThat(reasons).extracting(Finding::code, Finding::field).containsExactly(
                tuple(IssueCode.MISSING_FIELD, "XINGMING"),
                tuple(IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM"),
                tuple(IssueCode.IMPOSSIBLE_DATE, "KHRQ"),
                tuple(IssueCode.UNKNOWN_ACCOUNT_STATE, "GRZHZT"),
                tuple(IssueCode.BAD_AMOUNT, "GRJCJS"),
                tuple(IssueCode.RATE_OUT_OF_RANGE, "DWJCBL"),
                tuple(IssueCode.RATE_OUT_OF_RANGE, "GRJCBL"),
                tuple(IssueCode.NEGATIVE_BALANCE, "GRZHYE"),
                tuple(IssueCode.MISSING_BANK_ACCOUNT, "YHZH"));
    }

    @Test
    void anInvalidIdentityNumberDoesNotAlsoMakeTheOpeningDateWrong() {
        assertThat(refused(account().with(Column.ZJHM, "11010520101231002X").with(Column.KHRQ, "2001-01-01")))
                .extracting(Finding::code).containsExactly(IssueCode.INVALID_IDENTITY_NUMBER);
    }
}
