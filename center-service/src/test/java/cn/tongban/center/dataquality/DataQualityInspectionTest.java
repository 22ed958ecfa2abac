package cn.tongban.center.dataquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each check of the report on its own, the duplicates across accounts, and the samples. */
class DataQualityInspectionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String CARD = "6222020200112345678";
    final List<StoredAccount> accounts = new ArrayList<>();
    final List<StoredEmployer> employers = new ArrayList<>();
    final List<BatchReport> batches = new ArrayList<>();

    final StoredRecords records = new StoredRecords() {
        public Stream<StoredAccount> accountsByIdentityNumber() {
            return accounts.stream().sorted(Comparator.comparing(StoredAccount::identityNumber,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
        }

        public Stream<StoredEmployer> employers() {
            return employers.stream();
        }

        public List<BatchReport> recentBatches(int count) {
            return batches.stream().limit(count).toList();
        }
    };

    private DataQualityReport inspect(int samples) {
        return new DataQualityInspection(ImportRules.national(TODAY), samples)
                .inspect(CenterCode.of("110000"), Instant.parse("2026-11-25T02:00:00Z"), records, 2);
    }

    private static StoredAccount good(String accountNumber, String identityNumber) {
        return new StoredAccount(accountNumber, identityNumber, "NORMAL", LocalDate.of(2012, 7, 16),
                Money.parse("300.00"), Money.parse("300.00"), 2, CARD);
    }

    private static StoredAccount withState(StoredAccount a, String state, Money balance) {
        return new StoredAccount(a.accountNumber(), a.identityNumber(), state, a.openedOn(), balance,
                a.contributionTotal(), a.contributionMonths(), a.bankAccount());
    }

    @Test
    void cleanRecordsGiveEveryCheckWithZero() {
        accounts.add(good("A1", Rows.WANG));
        employers.add(new StoredEmployer("E1", "91110000MA01TB014A", "华信", "0200004509200123456"));

        DataQualityReport report = inspect(5);

        assertThat(report.accountsExamined()).isEqualTo(1);
        assertThat(report.accountIssues()).hasSize(8).allSatisfy(r -> assertThat(r.count()).isZero());
        assertThat(report.employerIssues()).hasSize(3).allSatisfy(r -> assertThat(r.count()).isZero());
        assertThat(report.center()).isEqualTo(CenterCode.of("110000"));
    }

    @Test
    void invalidIdentityNumbersAreCountedAndShownMasked() {
        accounts.add(good("A1", Rows.WRONG_CHECK));
        accounts.add(good("A2", "12345"));
        accounts.add(good("A3", null));
        accounts.add(good("A4", "110105491231002"));

        DataQualityReport.CheckResult result = inspect(5).accountIssues().get(0);

        assertThat(result.code()).isEqualTo(IssueCode.INVALID_IDENTITY_NUMBER);
        assertThat(result.count()).isEqualTo(4);
        assertThat(result.samples()).extracting(DataQualityReport.Sample::record, DataQualityReport.Sample::identityNumber,
                DataQualityReport.Sample::detail).containsExactlyInAnyOrder(
                tuple("A1", "110105********0021", "the check character does not match (GB 11643)"),
                tuple("A2", "*****", "an identity number is 17 digits and a check digit or X"),
                tuple("A3", "", "no identity number"),
                tuple("A4", "110105*****1002", "an identity number is 17 digits and a check digit or X"));
    }

    @Test
    void impossibleOpeningDates() {
        accounts.add(new StoredAccount("A1", Rows.WANG, "SEALED", null, Money.ZERO, Money.ZERO, 0, CARD));
        accounts.add(new StoredAccount("A2", Rows.LI, "SEALED", TODAY.plusDays(1), Money.ZERO, Money.ZERO, 0, CARD));
        accounts.add(new StoredAccount("A3", Rows.ZHAO, "SEALED", LocalDate.of(1989, 1, 1), Money.ZERO, Money.ZERO, 0, CARD));
        accounts.add(new StoredAccount("A4", Rows.CHEN, "SEALED", LocalDate.of(2008, 11, 4), Money.ZERO, Money.ZERO, 0, CARD));
        accounts.add(new StoredAccount("A5", Rows.CHEN, "SEALED", LocalDate.of(2008, 11, 5), Money.ZERO, Money.ZERO, 0, CARD));

        DataQualityReport report = inspect(10);

        assertThat(report.count(IssueCode.IMPOSSIBLE_DATE)).isEqualTo(4);
        assertThat(report.accountIssues().get(2).samples()).extracting(DataQualityReport.Sample::detail).containsExactlyInAnyOrder(
                "no opening date", "opened on 2026-11-26, in the future",
                "opened on 1989-01-01, before the housing provident fund existed",
                "opened on 2008-11-04, before the holder turned 16 (born 1992-11-05)");
    }

    @Test
    void aMissingBankAccountMattersOnlyWhileTheAccountIsOpen() {
        accounts.add(new StoredAccount("A1", Rows.WANG, "NORMAL", LocalDate.of(2012, 1, 1), Money.ZERO, Money.ZERO, 0, null));
        accounts.add(new StoredAccount("A2", Rows.LI, "FROZEN", LocalDate.of(2012, 1, 1), Money.ZERO, Money.ZERO, 0, " "));
        accounts.add(new StoredAccount("A3", Rows.ZHAO, "TRANSFERRED_OUT", LocalDate.of(2012, 1, 1), Money.ZERO, Money.ZERO, 0, null));
        accounts.add(new StoredAccount("A4", Rows.CHEN, "SEALED", LocalDate.of(2012, 1, 1), Money.ZERO, Money.ZERO, 0, "6222-0202"));
        accounts.add(new StoredAccount("A5", "110105197001010011", "SEALED", LocalDate.of(2012, 1, 1), Money.ZERO,
                Money.ZERO, 0, "6222 0202 0011 2345 678"));

        DataQualityReport report = inspect(5);

        assertThat(report.count(IssueCode.MISSING_BANK_ACCOUNT)).isEqualTo(3);
        assertThat(report.accountIssues().get(3).samples()).extracting(DataQualityReport.Sample::record)
                .containsExactlyInAnyOrder("A1", "A2", "A4");
    }

    @Test
    void balancesNegativeOnAClosedAccountOrNotTheSumOfTheContributions() {
        accounts.add(withState(good("A1", Rows.WANG), "NORMAL", Money.parse("-1.00")));
        accounts.add(withState(good("A2", Rows.LI), "WITHDRAWN_CLOSED", Money.parse("0.01")));
        accounts.add(withState(good("A3", Rows.ZHAO), "WITHDRAWN_CLOSED", Money.ZERO));
        accounts.add(withState(good("A4", Rows.CHEN), "SEALED", Money.parse("299.99")));
        accounts.add(new StoredAccount("A5", "110105197001010011", "NORMAL", LocalDate.of(2012, 1, 1),
                Money.parse("5000.00"), Money.ZERO, 0, CARD));

        DataQualityReport report = inspect(5);

        assertThat(report.count(IssueCode.NEGATIVE_BALANCE)).isEqualTo(1);
        assertThat(report.count(IssueCode.CLOSED_WITH_BALANCE)).isEqualTo(1);
        assertThat(report.accountIssues().get(5).samples()).extracting(DataQualityReport.Sample::detail)
                .containsExactly("提取销户 with balance 0.01");
        assertThat(report.count(IssueCode.BALANCE_NOT_SUM_OF_CONTRIBUTIONS)).as("A1 and A4; A5 records no contributions")
                .isEqualTo(2);
    }

    @Test
    void twoOpenAccountsOfOnePersonAreOneDuplicateAndAClosedThirdDoesNotCount() {
        accounts.add(good("A1", Rows.WANG));
        accounts.add(good("A2", Rows.LI));
        accounts.add(good("A3", Rows.WANG));
        accounts.add(withState(good("A4", Rows.WANG), "MERGED_CLOSED", Money.ZERO));
        accounts.add(withState(good("A5", Rows.LI), "TRANSFERRED_OUT", Money.ZERO));
        accounts.add(good("A6", null));
        accounts.add(good("A7", null));

        DataQualityReport.CheckResult duplicates = inspect(5).accountIssues().get(7);

        assertThat(duplicates.code()).isEqualTo(IssueCode.DUPLICATE_PERSON);
        assertThat(duplicates.count()).isEqualTo(1);
        assertThat(duplicates.samples()).containsExactly(new DataQualityReport.Sample("A1, A3", "110105********9116",
                "2 accounts that are not closed; one person holds one per center (合并销户)"));
    }

    @Test
    void anUnknownStateIsReportedAndCountsAsOpen() {
        accounts.add(withState(good("A1", Rows.WANG), "ACTIVE", Money.parse("300.00")));
        accounts.add(good("A2", Rows.WANG));

        DataQualityReport report = inspect(5);

        assertThat(report.count(IssueCode.UNKNOWN_ACCOUNT_STATE)).isEqualTo(1);
        assertThat(report.count(IssueCode.DUPLICATE_PERSON)).isEqualTo(1);
    }

    @Test
    void samplesAreLimitedButCountsAreNot() {
        for (int i = 0; i < 30; i++) {
            accounts.add(new StoredAccount("A" + i, Rows.WRONG_CHECK, "NORMAL", LocalDate.of(2012, 1, 1),
                    Money.ZERO, Money.ZERO, 0, CARD));
        }

        DataQualityReport.CheckResult result = inspect(3).accountIssues().get(0);

        assertThat(result.count()).isEqualTo(30);
        assertThat(result.samples()).hasSize(3);
    }

    @Test
    void employersWithAPilotCodeABrokenCodeOrNoBankAccount() {
        employers.add(new StoredEmployer("E1", "91350100M000100Y42", "试点", "0200004509200123456"));
        employers.add(new StoredEmployer("E2", "91350100M00010", "坏", "0200 0045 0920 0123 456"));
        employers.add(new StoredEmployer("E3", "91110000MA01TB014A", "无账户", null));

        DataQualityReport report = inspect(5);

        assertThat(report.employersExamined()).isEqualTo(3);
        assertThat(report.employerIssues()).extracting(DataQualityReport.CheckResult::code, DataQualityReport.CheckResult::count)
                .containsExactly(tuple(IssueCode.INVALID_CREDIT_CODE, 1L), tuple(IssueCode.CREDIT_CODE_CHECK_FAILED, 1L),
                        tuple(IssueCode.MISSING_BANK_ACCOUNT, 1L));
        assertThat(report.employerIssues().get(1).samples()).extracting(DataQualityReport.Sample::record).containsExactly("E1");
    }

    @Test
    void theLatestBatchesComeWithTheReport() {
        BatchReport batch = new BatchReport(BatchId.of("20261125-100000-0001"), ImportFormat.PERSONAL_ACCOUNTS, "a.csv",
                "admin", Instant.parse("2026-11-25T02:00:00Z"), Instant.parse("2026-11-25T02:00:05Z"),
                BatchReport.Status.COMPLETED, 10, 8, 2, 1, 0, java.util.Map.of(IssueCode.MISSING_FIELD, 2L));
        batches.add(batch);

        assertThat(inspect(5).recentImports()).containsExactly(batch);
    }
}
