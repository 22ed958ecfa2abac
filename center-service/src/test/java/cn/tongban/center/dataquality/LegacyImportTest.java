package cn.tongban.center.dataquality;

import static cn.tongban.center.dataquality.Rows.account;
import static cn.tongban.center.dataquality.Rows.employer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import of a whole file: nothing good lost, nothing bad imported, nothing dropped without a word. */
class LegacyImportTest {

    static final BatchId BATCH = BatchId.of("20261125-100000-0001");
    final InMemoryImportTarget target = new InMemoryImportTarget();
    final LegacyImport legacyImport = new LegacyImport(target,
            Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));

    private static byte[] file(String header, String... lines) {
        return Stream.concat(Stream.of(header), Stream.of(lines)).collect(Collectors.joining("\r\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] accounts(Rows... rows) {
        return file(rows[0].header(), Stream.of(rows).map(Rows::csvLine).toArray(String[]::new));
    }

    private ImportOutcome run(byte[] content) {
        return legacyImport.run(BATCH, "export.csv", "admin-1", content);
    }

    private BatchReport completed(byte[] content) {
        ImportOutcome outcome = run(content);
        assertThat(outcome).isInstanceOf(ImportOutcome.Completed.class);
        BatchReport report = ((ImportOutcome.Completed) outcome).report();
        assertThat(report.rowsRead()).as("every row read is imported or quarantined")
                .isEqualTo(report.imported() + report.quarantined());
        assertThat(target.quarantine).hasSize((int) report.quarantined());
        return report;
    }

    private ImportOutcome.FileRefused refused(byte[] content) {
        ImportOutcome outcome = run(content);
        assertThat(outcome).isInstanceOf(ImportOutcome.FileRefused.class);
        assertThat(target.batchHistory).as("a refused file leaves no batch").isEmpty();
        return (ImportOutcome.FileRefused) outcome;
    }

    @Test
    void goodRowsAreImportedWithTheirBankCardAndTheBatchIsReported() {
        BatchReport report = completed(accounts(account(),
                account().with(Column.GRZH, "110000100000002").with(Column.ZJHM, Rows.LI).with(Column.XINGMING, "李秀英")));

        assertThat(target.accounts).containsOnlyKeys("110000100000001", "110000100000002");
        assertThat(target.accounts.get("110000100000001").bankAccount()).isEqualTo("6222020200112345678");
        assertThat(report).extracting(BatchReport::batchId, BatchReport::format, BatchReport::fileName,
                        BatchReport::importedBy, BatchReport::status, BatchReport::rowsRead, BatchReport::imported,
                        BatchReport::quarantined, BatchReport::flaggedForReview)
                .containsExactly(BATCH, ImportFormat.PERSONAL_ACCOUNTS, "export.csv", "admin-1",
                        BatchReport.Status.COMPLETED, 2L, 2L, 0L, 0L);
        assertThat(target.batchHistory).extracting(BatchReport::status)
                .containsExactly(BatchReport.Status.RUNNING, BatchReport.Status.COMPLETED);
    }

    @Test
    void aBadRowIsQuarantinedAsWrittenWithItsLineAndEveryReasonWhileTheGoodOnesAreImported() {
        Rows bad = account().with(Column.GRZH, "110000100000009").with(Column.ZJHM, Rows.WRONG_CHECK)
                .with(Column.KHRQ, "2023-02-30");
        byte[] content = accounts(account(), bad);

        BatchReport report = completed(content);

        assertThat(target.accounts).containsOnlyKeys("110000100000001");
        QuarantinedRow row = target.quarantinedLine(3);
        assertThat(row.batchId()).isEqualTo(BATCH);
        assertThat(row.raw()).isEqualTo(bad.csvLine());
        assertThat(row.reasons()).extracting(Finding::code)
                .containsExactly(IssueCode.INVALID_IDENTITY_NUMBER, IssueCode.IMPOSSIBLE_DATE);
        assertThat(report.reasonsByCode()).containsOnly(
                org.assertj.core.api.Assertions.entry(IssueCode.INVALID_IDENTITY_NUMBER, 1L),
                org.assertj.core.api.Assertions.entry(IssueCode.IMPOSSIBLE_DATE, 1L));
    }

    @Test
    void theSameRowWrittenTwiceIsImportedOnceAndTheRepeatQuarantined() {
        BatchReport report = completed(accounts(account(), account()));

        assertThat(target.accounts).containsOnlyKeys("110000100000001");
        assertThat(target.quarantinedLine(3).reasons())
                .containsExactly(new Finding(IssueCode.DUPLICATE_IN_FILE, "GRZH", "the same row as line 2"));
        assertThat(report.count(IssueCode.DUPLICATE_IN_FILE)).isEqualTo(1);
    }

    @Test
    void twoDifferentRowsForOneAccountAreBothQuarantinedForNobodyKnowsWhichIsRight() {
        completed(accounts(account(), account().with(Column.GRZHYE, "1.00"), account().with(Column.GRZHYE, "2.00")));

        assertThat(target.accounts).isEmpty();
        assertThat(target.quarantinedLine(2).reasons()).containsExactly(new Finding(IssueCode.DUPLICATE_IN_FILE, "GRZH",
                "GRZH 110000100000001 is also on line(s) 3, 4 with other values"));
        assertThat(target.quarantine).hasSize(3);
    }

    @Test
    void anAccountNumberAlreadyStoredIsQuarantinedAndSaidSoEvenOnARowWithOtherFaults() {
        target.storedKeys.add("110000100000001");

        completed(accounts(account().with(Column.GRJCBL, "20")));

        assertThat(target.quarantinedLine(2).reasons()).extracting(Finding::code)
                .containsExactly(IssueCode.RATE_OUT_OF_RANGE, IssueCode.ALREADY_EXISTS);
    }

    @Test
    void anAccountSomeoneElseStoresDuringTheImportIsQuarantinedNotLost() {
        target.storedMeanwhile.add("110000100000001");

        BatchReport report = completed(accounts(account(),
                account().with(Column.GRZH, "110000100000002").with(Column.ZJHM, Rows.LI)));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(target.quarantinedLine(2).reasons()).extracting(Finding::code).containsExactly(IssueCode.ALREADY_EXISTS);
    }

    @Test
    void aPersonWithASecondOpenAccountIsImportedAndFlaggedForMerging() {
        target.storedOpenAccounts.put(Rows.LI, Set.of("110000100000077"));

        BatchReport report = completed(accounts(account(),
                account().with(Column.GRZH, "110000100000002"),
                account().with(Column.GRZH, "110000100000003").with(Column.GRZHZT, "04").with(Column.GRZHYE, "0.00"),
                account().with(Column.GRZH, "110000100000004").with(Column.ZJHM, Rows.LI)));

        assertThat(target.accounts).hasSize(4);
        assertThat(target.accounts.get("110000100000001").reviewFlags()).containsExactly(new Finding(
                IssueCode.DUPLICATE_PERSON, "ZJHM", "110105********9116 also holds the open account(s) [110000100000002]"));
        assertThat(target.accounts.get("110000100000003").reviewFlags()).as("a closed account is no second one").isEmpty();
        assertThat(target.accounts.get("110000100000004").reviewFlags()).extracting(Finding::detail)
                .containsExactly("110108********9248 also holds the open account(s) [110000100000077]");
        assertThat(report.flaggedForReview()).isEqualTo(3);
        assertThat(report.count(IssueCode.DUPLICATE_PERSON)).isEqualTo(3);
    }

    @Test
    void rowsWithTooFewFieldsOrSurplusValuesAreMalformedButSurplusEmptyFieldsAreNot() {
        Rows good = account();
        BatchReport report = completed(file(good.header(), good.csvLine() + ",,",
                "110000100000002,李秀英,110108199003159248",
                good.with(Column.GRZH, "110000100000003").with(Column.ZJHM, Rows.LI).csvLine() + ",surplus"));

        assertThat(target.accounts).containsOnlyKeys("110000100000001");
        assertThat(target.quarantinedLine(3).reasons()).containsExactly(
                Finding.ofRow(IssueCode.MALFORMED_ROW, "3 fields where the header has 12"));
        assertThat(target.quarantinedLine(4).reasons()).extracting(Finding::code).containsExactly(IssueCode.MALFORMED_ROW);
        assertThat(report.count(IssueCode.MALFORMED_ROW)).isEqualTo(2);
    }

    @Test
    void rowsOfEmptyFieldsAreCountedApartAndNotData() {
        BatchReport report = completed(file(account().header(), account().csvLine(), ",,,,,,,,,,,", " , ,,,,,,,,,,"));

        assertThat(report.rowsRead()).isEqualTo(1);
        assertThat(report.blankRowsSkipped()).isEqualTo(2);
    }

    @Test
    void columnsMayComeInAnyOrderInAnyCaseAmongColumnsTheImportDoesNotKnow() {
        completed(file("BZ, grzh ,GRZHYE,GRJCBL,DWJCBL,GRJCJS,GRZHZT,KHRQ,DWZH,ZJHM,XINGMING,YHZH,ZJLX",
                "备注,110000100000001,100.00,12,12,8000.00,01,2012-07-16,110000800000001,110105198507219116,王建国,6222 0202 0011 2345 678,01"));

        assertThat(target.accounts).containsOnlyKeys("110000100000001");
        assertThat(target.accounts.get("110000100000001").account().balance()).hasToString("100.00");
        assertThat(target.accounts.get("110000100000001").bankAccount()).isEqualTo("6222020200112345678");
    }

    @Test
    void aFileThatIsNoCsvIsRefusedWhole() {
        assertThat(refused(new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0})).extracting(ImportOutcome.FileRefused::code)
                .isEqualTo("NOT_CSV");
        assertThat(refused(file("a\tb\tc", "1\t2\t3")).detail()).contains("tabs");
        assertThat(refused(file("NAME,AMOUNT", "x,1")).detail()).contains("neither personal accounts");
        assertThat(refused(file("GRZH,GRZH,XINGMING")).detail()).contains("GRZH twice");
    }

    @Test
    void aFileLackingRequiredColumnsIsRefusedNamingThem() {
        ImportOutcome.FileRefused refused = refused(file("GRZH,XINGMING,ZJHM,DWZH,KHRQ,GRZHZT,GRJCJS,GRZHYE", "1,2,3,4,5,6,7,8"));

        assertThat(refused.code()).isEqualTo("MISSING_COLUMNS");
        assertThat(refused.detail()).isEqualTo("a file of PERSONAL_ACCOUNTS lacks the columns [DWJCBL, GRJCBL]");
    }

    @Test
    void employersAreUniqueByAccountNumberAndByCreditCodeAndAPilotCodeIsImportedForReview() {
        target.storedKeys.add("91110000MA01TB014A");
        Rows taken = employer();
        Rows pilot = employer().with(Column.DWZH, "110000800000002").with(Column.TYSHXYDM, "91350100M000100Y42");
        Rows sameCode = employer().with(Column.DWZH, "110000800000003").with(Column.TYSHXYDM, "91350100M000100Y43");
        Rows sameCodeAgain = employer().with(Column.DWZH, "110000800000004").with(Column.TYSHXYDM, "91350100M000100Y43")
                .with(Column.DWMC, "另一家");

        BatchReport report = completed(file(taken.header(), taken.csvLine(), pilot.csvLine(), sameCode.csvLine(),
                sameCodeAgain.csvLine()));

        assertThat(report.format()).isEqualTo(ImportFormat.EMPLOYERS);
        assertThat(target.employers).containsOnlyKeys("110000800000002");
        assertThat(target.employers.get("110000800000002").reviewFlags()).extracting(Finding::code)
                .containsExactly(IssueCode.CREDIT_CODE_CHECK_FAILED);
        assertThat(target.quarantinedLine(2).reasons()).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(IssueCode.ALREADY_EXISTS, "TYSHXYDM"));
        assertThat(target.quarantinedLine(4).reasons()).extracting(Finding::code, Finding::field)
                .containsExactly(tuple(IssueCode.DUPLICATE_IN_FILE, "TYSHXYDM"));
        assertThat(report.count(IssueCode.CREDIT_CODE_CHECK_FAILED)).isEqualTo(1);
    }

    @Test
    void creditCodesDifferingOnlyInCaseAreTheSameCode() {
        Rows upper = employer();
        Rows lower = employer().with(Column.DWZH, "110000800000002").with(Column.TYSHXYDM, "91110000ma01tb014a");

        completed(file(upper.header(), upper.csvLine(), lower.csvLine()));

        assertThat(target.employers).isEmpty();
        assertThat(target.quarantine).extracting(r -> r.reasons().get(0).code())
                .containsOnly(IssueCode.DUPLICATE_IN_FILE);
    }

    @Test
    void whenTheDatabaseFailsTheBatchIsRecordedAsFailed() {
        target.failOnInsert = new IllegalStateException("database down");

        assertThatThrownBy(() -> run(accounts(account()))).hasMessage("database down");

        assertThat(target.batchHistory).extracting(BatchReport::status)
                .containsExactly(BatchReport.Status.RUNNING, BatchReport.Status.FAILED);
        assertThat(target.batchHistory.get(1).imported()).isZero();
    }

    @Test
    void aRowCountsOncePerReasonCodeHoweverManyFieldsCarryIt() {
        BatchReport report = completed(accounts(account().with(Column.XINGMING, "").with(Column.DWZH, "")
                .with(Column.DWJCBL, "1").with(Column.GRJCBL, "13")));

        assertThat(report.count(IssueCode.MISSING_FIELD)).isEqualTo(1);
        assertThat(report.count(IssueCode.RATE_OUT_OF_RANGE)).isEqualTo(1);
        assertThat(target.quarantine.get(0).reasons()).hasSize(4);
    }

    @Test
    void moreRowsThanAChunkAreAllImported() {
        List<Rows> rows = new java.util.ArrayList<>();
        for (int i = 0; i < LegacyImport.CHUNK * 2 + 7; i++) {
            rows.add(account().with(Column.GRZH, "A%06d".formatted(i)).with(Column.GRZHZT, "05").with(Column.GRZHYE, "0"));
        }
        BatchReport report = completed(accounts(rows.toArray(Rows[]::new)));

        assertThat(report.imported()).isEqualTo(LegacyImport.CHUNK * 2 + 7);
        assertThat(target.accounts).hasSize(LegacyImport.CHUNK * 2 + 7);
    }
}
