package cn.tongban.center.dataquality;

import static cn.tongban.center.dataquality.Rows.employer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row of an employer export; a credit code failing only its check is legal in early pilot areas. */
class EmployerRowCheckTest {

    final EmployerRowCheck check = new EmployerRowCheck(ImportRules.national(LocalDate.of(2026, 11, 25)));

    private ImportedEmployer accepted(Rows row) {
        RowVerdict<ImportedEmployer> verdict = check.check(row.build());
        assertThat(verdict).isInstanceOf(RowVerdict.Accepted.class);
        return ((RowVerdict.Accepted<ImportedEmployer>) verdict).record();
    }

    private List<Finding> refused(Rows row) {
        RowVerdict<ImportedEmployer> verdict = check.check(row.build());
        assertThat(verdict).isInstanceOf(RowVerdict.Refused.class);
        return ((RowVerdict.Refused<ImportedEmployer>) verdict).reasons();
    }

    @Test
    void aGoodRowBecomesTheEmployer() {
        ImportedEmployer employer = accepted(employer().with(Column.TYSHXYDM, "91350100m000100y43"));

        assertThat(employer.accountNumber()).isEqualTo("110000800000001");
        assertThat(employer.creditCode()).isEqualTo("91350100M000100Y43");
        assertThat(employer.name()).isEqualTo("北京华信数据科技有限公司");
        assertThat(employer.unitRate()).isEqualByComparingTo("12");
        assertThat(employer.bankAccount()).isEqualTo("0200004509200123456");
        assertThat(employer.reviewFlags()).isEmpty();
    }

    @Test
    void aCodeFailingOnlyItsCheckCharacterIsImportedForReview() {
        ImportedEmployer employer = accepted(employer().with(Column.TYSHXYDM, "91350100M000100Y42"));

        assertThat(employer.creditCode()).isEqualTo("91350100M000100Y42");
        assertThat(employer.reviewFlags()).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(IssueCode.CREDIT_CODE_CHECK_FAILED, "TYSHXYDM"));
        assertThat(employer.reviewFlags().get(0).detail()).startsWith("the check character does not match (GB 32100)");
    }

    @Test
    void aCodeFailingTheOrganisationCodeCheckIsImportedForReviewToo() {
        // the organisation code M000100Y with a wrong GB 11714 check character 5, the last character recomputed
        String first17 = "91350100M000100Y5";
        String code = first17 + cn.tongban.contracts.CreditCode.checkCharacter(first17);

        assertThat(accepted(employer().with(Column.TYSHXYDM, code)).reviewFlags()).extracting(Finding::detail)
                .singleElement().asString().startsWith("the organisation code's check character does not match (GB 11714)");
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, a unified social credit code has 18 characters",
            "91350100M000100I43, '''I'' may not appear in a unified social credit code'",
            "9135A100M000100Y43, characters 3 to 8 are an administrative division code"})
    void aCodeNotShapedLikeOneIsRefused(String code, String detail) {
        assertThat(refused(employer().with(Column.TYSHXYDM, code)))
                .containsExactly(new Finding(IssueCode.INVALID_CREDIT_CODE, "TYSHXYDM", detail));
    }

    @Test
    void everyReasonIsFoundAndWarningsTravelWithTheRefusal() {
        assertThat(refused(employer().with(Column.DWMC, "").with(Column.TYSHXYDM, "91350100M000100Y42")
                .with(Column.DWJCBL, "13").with(Column.GRJCBL, "x").without(Column.YHZH)))
                .extracting(Finding::code).containsExactly(IssueCode.MISSING_FIELD, IssueCode.CREDIT_CODE_CHECK_FAILED,
                        IssueCode.RATE_OUT_OF_RANGE, IssueCode.BAD_AMOUNT, IssueCode.MISSING_BANK_ACCOUNT);
    }

    @Test
    void anEmployerWithoutABankAccountIsFlagged() {
        assertThat(accepted(employer().with(Column.YHZH, "")).reviewFlags()).extracting(Finding::code)
                .containsExactly(IssueCode.MISSING_BANK_ACCOUNT);
    }
}
