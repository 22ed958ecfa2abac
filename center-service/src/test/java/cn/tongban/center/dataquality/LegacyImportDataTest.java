package cn.tongban.center.dataquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.Employer;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The import against a real (embedded) MongoDB: the broken sample file {@code dataquality/personal-accounts-broken.csv}
 * keeps every good row, quarantines every bad one with its reasons, and the batch report and the data-quality report
 * count them.
 */
class LegacyImportDataTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final BatchId BATCH = BatchId.of("20261125-100000-00aa");

    final EmbeddedMongo mongo = new EmbeddedMongo("center");
    final MongoTemplate template = mongo.template();
    final DataQualityStore store = new DataQualityStore(template);
    final LegacyImport legacyImport = new LegacyImport(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        mongo.close();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyImportDataTest.class.getResourceAsStream("/dataquality/" + name)) {
            return in.readAllBytes();
        }
    }

    /** 陈静's account A016, already in the database before the import, and without a bank account. */
    private void storeChen() {
        PersonalAccount chen = new PersonalAccount("A016", IdentityNumber.of(Rows.CHEN), "陈静", "110000800000001",
                "北京华信数据科技有限公司", LocalDate.of(2015, 8, 3), AccountState.NORMAL, Money.parse("12600.00"),
                BigDecimal.valueOf(12), BigDecimal.valueOf(12), Money.parse("210300.00"), List.of(), List.of());
        new AccountStore(template).insertAccounts(List.of(chen));
    }

    private BatchReport importBrokenFile() throws IOException {
        ImportOutcome outcome = legacyImport.run(BATCH, "personal-accounts-broken.csv", "admin-1",
                resource("personal-accounts-broken.csv"));
        assertThat(outcome).isInstanceOf(ImportOutcome.Completed.class);
        return ((ImportOutcome.Completed) outcome).report();
    }

    private Map<Integer, List<IssueCode>> quarantinedByLine() {
        return store.quarantined(BATCH, 0, 100).stream().collect(Collectors.toMap(QuarantinedRow::line,
                row -> row.reasons().stream().map(Finding::code).toList()));
    }

    @Test
    void everyGoodRowIsImportedAndEveryBadOneQuarantinedWithItsReasons() throws IOException {
        storeChen();

        BatchReport report = importBrokenFile();

        List<String> stored = template.findAll(Document.class, AccountStore.ACCOUNTS).stream()
                .map(d -> d.getString("_id")).sorted().toList();
        assertThat(stored).containsExactly("A001", "A002", "A003", "A015", "A016", "A018", "A019", "A021");
        assertThat(quarantinedByLine()).containsOnly(
                entry(6, List.of(IssueCode.INVALID_IDENTITY_NUMBER)),
                entry(7, List.of(IssueCode.IMPOSSIBLE_DATE)),
                entry(8, List.of(IssueCode.IMPOSSIBLE_DATE)),
                entry(9, List.of(IssueCode.IMPOSSIBLE_DATE)),
                entry(10, List.of(IssueCode.UNKNOWN_ACCOUNT_STATE)),
                entry(11, List.of(IssueCode.RATE_OUT_OF_RANGE)),
                entry(12, List.of(IssueCode.NEGATIVE_BALANCE)),
                entry(13, List.of(IssueCode.BAD_AMOUNT)),
                entry(14, List.of(IssueCode.MISSING_FIELD)),
                entry(15, List.of(IssueCode.INVALID_IDENTITY_NUMBER, IssueCode.IMPOSSIBLE_DATE,
                        IssueCode.RATE_OUT_OF_RANGE, IssueCode.BAD_AMOUNT)),
                entry(16, List.of(IssueCode.DUPLICATE_IN_FILE)),
                entry(17, List.of(IssueCode.DUPLICATE_IN_FILE)),
                entry(19, List.of(IssueCode.DUPLICATE_IN_FILE)),
                entry(20, List.of(IssueCode.ALREADY_EXISTS)),
                entry(22, List.of(IssueCode.MALFORMED_ROW)),
                entry(25, List.of(IssueCode.MALFORMED_ROW)));

        assertThat(report.status()).isEqualTo(BatchReport.Status.COMPLETED);
        assertThat(report.rowsRead()).isEqualTo(23);
        assertThat(report.imported()).isEqualTo(7);
        assertThat(report.quarantined()).isEqualTo(16);
        assertThat(report.flaggedForReview()).isEqualTo(3);
        assertThat(report.blankRowsSkipped()).isEqualTo(1);
        assertThat(report.reasonsByCode()).containsExactly(
                entry(IssueCode.MISSING_FIELD, 1L),
                entry(IssueCode.MALFORMED_ROW, 2L),
                entry(IssueCode.INVALID_IDENTITY_NUMBER, 2L),
                entry(IssueCode.IMPOSSIBLE_DATE, 4L),
                entry(IssueCode.UNKNOWN_ACCOUNT_STATE, 1L),
                entry(IssueCode.RATE_OUT_OF_RANGE, 2L),
                entry(IssueCode.NEGATIVE_BALANCE, 1L),
                entry(IssueCode.BAD_AMOUNT, 2L),
                entry(IssueCode.DUPLICATE_IN_FILE, 3L),
                entry(IssueCode.ALREADY_EXISTS, 1L),
                entry(IssueCode.MISSING_BANK_ACCOUNT, 1L),
                entry(IssueCode.DUPLICATE_PERSON, 2L));
        assertThat(store.batch(BATCH)).contains(report);
    }

    @Test
    void aQuarantinedRowKeepsItsRawTextAndTheDetailOfEachReason() throws IOException {
        storeChen();
        importBrokenFile();

        QuarantinedRow several = store.quarantined(BATCH, 0, 100).stream().filter(r -> r.line() == 15).findFirst().orElseThrow();
        assertThat(several.raw()).startsWith("A013,郑多错,110105194912310021,");
        assertThat(several.reasons()).containsExactly(
                new Finding(IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM", "the check character does not match (GB 11643)"),
                new Finding(IssueCode.IMPOSSIBLE_DATE, "KHRQ", "2023-02-30 does not exist"),
                new Finding(IssueCode.RATE_OUT_OF_RANGE, "GRJCBL", "3% is outside 5%–12%"),
                new Finding(IssueCode.BAD_AMOUNT, "GRZHYE", "an amount is written like 12345.67: abc"));
        QuarantinedRow unclosed = store.quarantined(BATCH, 0, 100).stream().filter(r -> r.line() == 25).findFirst().orElseThrow();
        assertThat(unclosed.raw()).startsWith("A020,\"未闭合,").doesNotContain("\n");
        assertThat(store.countQuarantined(BATCH)).isEqualTo(16);
        assertThat(store.quarantined(BATCH, 1, 10)).extracting(QuarantinedRow::line).containsExactly(16, 17, 19, 20, 22, 25);
    }

    @Test
    void importedAccountsAreReadableAsAccountsAndCarryBankCardBatchAndReviewFlags() throws IOException {
        importBrokenFile();

        PersonalAccount li = new AccountStore(template).findByAccountNumber("A002").orElseThrow();
        assertThat(li.name()).isEqualTo("李秀英");
        assertThat(li.state()).isEqualTo(AccountState.SEALED);
        assertThat(li.balance()).isEqualTo(Money.parse("120400.50"));
        assertThat(li.openedOn()).isEqualTo(LocalDate.of(2013, 3, 11));
        assertThat(li.ledgerBalance()).as("the imported balance is carried over as one ledger entry").isEqualTo(li.balance());
        assertThat(li.entries()).singleElement().satisfies(e -> assertThat(e.serialNumber()).isEqualTo("JZ-A002"));
        Document lu = template.findOne(Query.query(Criteria.where("_id").is("A019")), Document.class,
                AccountStore.ACCOUNTS);
        assertThat(lu.getString("name")).isEqualTo("陆\"小\"文");
        assertThat(lu.getString("identityNumber")).isEqualTo("32010219911111112X");
        assertThat(lu.getString("employerName")).isEqualTo("南京某某公司, 江宁分部");
        assertThat(lu.getString("bankAccount")).isEqualTo("6222000000000000019");
        assertThat(new AccountStore(template).findByAccountNumber("A019").orElseThrow().bankAccount())
                .as("the bank card is a field of the account").isEqualTo("6222000000000000019");
        assertThat(lu.getString("importBatch")).isEqualTo(BATCH.value());
        assertThat(lu.getInteger("importLine")).isEqualTo(24);
        Document zhou = template.findOne(Query.query(Criteria.where("_id").is("A003")), Document.class,
                AccountStore.ACCOUNTS);
        assertThat(zhou.containsKey("bankAccount")).isFalse();
        assertThat(zhou.getList("reviewFlags", Document.class)).extracting(d -> d.getString("code"))
                .containsExactly("MISSING_BANK_ACCOUNT");
    }

    @Test
    void importingTheSameFileAgainImportsNothingAndSaysWhy() throws IOException {
        storeChen();
        importBrokenFile();
        BatchId again = BatchId.of("20261125-100500-00bb");

        BatchReport second = ((ImportOutcome.Completed) legacyImport.run(again, "again.csv", "admin-1",
                resource("personal-accounts-broken.csv"))).report();

        assertThat(second.imported()).isZero();
        assertThat(second.quarantined()).isEqualTo(23);
        assertThat(second.count(IssueCode.ALREADY_EXISTS)).as("the 7 imported, their repeat on line 19 and A016")
                .isEqualTo(9);
        assertThat(template.count(new Query(), AccountStore.ACCOUNTS)).isEqualTo(8);
    }

    @Test
    void theSampleFilesOfTheFormatImportCleanly() throws IOException {
        BatchReport accounts = ((ImportOutcome.Completed) legacyImport.run(BATCH, "personal-accounts.csv", "admin-1",
                resource("personal-accounts.csv"))).report();
        BatchReport employers = ((ImportOutcome.Completed) legacyImport.run(BatchId.of("20261125-100000-00ee"),
                "employers.csv", "admin-1", resource("employers.csv"))).report();

        assertThat(accounts.imported()).isEqualTo(4);
        assertThat(accounts.quarantined()).isZero();
        assertThat(employers.format()).isEqualTo(ImportFormat.EMPLOYERS);
        assertThat(employers.imported()).isEqualTo(3);
        assertThat(employers.reasonsByCode()).containsOnly(entry(IssueCode.MISSING_BANK_ACCOUNT, 1L),
                entry(IssueCode.CREDIT_CODE_CHECK_FAILED, 1L));
        Document pilot = template.findOne(Query.query(Criteria.where("accountNumber").is("110000800000003")),
                Document.class, AccountStore.EMPLOYERS);
        assertThat(pilot.getString("creditCode")).isEqualTo("91350100M000100Y42");
        assertThat(pilot.getList("reviewFlags", Document.class)).extracting(d -> d.getString("code"))
                .containsExactly("CREDIT_CODE_CHECK_FAILED");
        Employer pilotRead = template.findOne(Query.query(Criteria.where("accountNumber").is("110000800000003")),
                Employer.class, AccountStore.EMPLOYERS);
        assertThat(pilotRead.creditCode()).as("read back without throwing, flagged")
                .isEqualTo(CreditCode.lenient("91350100M000100Y42"))
                .satisfies(code -> assertThat(code.checkCharacterValid()).isFalse());
        Employer valid = template.findOne(Query.query(Criteria.where("accountNumber").is("110000800000001")),
                Employer.class, AccountStore.EMPLOYERS);
        assertThat(valid.creditCode()).isEqualTo(CreditCode.of("91110000MA01TB014A"));
        assertThat(valid.unitRate()).isEqualByComparingTo("12");
        assertThat(valid.bankAccount()).isEqualTo("0200004509200123456");
    }

    @Test
    void theReportCountsWhatIsStoredWithMaskedSamplesAndTheQuarantineOfRecentBatches() throws IOException {
        storeChen();
        importBrokenFile();
        new LegacyImport(store, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                .run(BatchId.of("20261125-100100-00ee"), "employers.csv", "admin-1", resource("employers.csv"));
        template.getCollection(AccountStore.ACCOUNTS).insertMany(List.of(
                raw("R001", Rows.WRONG_CHECK, "NORMAL", LocalDate.of(2030, 1, 1), 100, "6222020200112345001").append("contributions", List.of()),
                raw("R002", "110105197001010011", "WITHDRAWN_CLOSED", LocalDate.of(2000, 1, 1), 500, null),
                raw("R003", "110101199007070078", "NORMAL", LocalDate.of(2015, 1, 1), 1000, "6222020200112345002").append("contributions",
                        List.of(new Document("month", "2015-01").append("amount", 300L), new Document("month", "2015-02").append("amount", 400L))),
                raw("R004", "110101199007070078", "BOGUS", null, 0, null)));

        DataQualityReport report = new DataQualityInspection(ImportRules.national(LocalDate.of(2026, 11, 25)), 5)
                .inspect(CenterCode.of("110000"), NOW, store, 10);

        assertThat(report.accountsExamined()).isEqualTo(12);
        assertThat(report.accountIssues()).extracting(DataQualityReport.CheckResult::code, DataQualityReport.CheckResult::count)
                .containsExactly(
                        tuple(IssueCode.INVALID_IDENTITY_NUMBER, 1L),
                        tuple(IssueCode.UNKNOWN_ACCOUNT_STATE, 1L),
                        tuple(IssueCode.IMPOSSIBLE_DATE, 2L),
                        tuple(IssueCode.MISSING_BANK_ACCOUNT, 3L),
                        tuple(IssueCode.NEGATIVE_BALANCE, 0L),
                        tuple(IssueCode.CLOSED_WITH_BALANCE, 1L),
                        tuple(IssueCode.BALANCE_NOT_SUM_OF_CONTRIBUTIONS, 1L),
                        tuple(IssueCode.DUPLICATE_PERSON, 2L));
        assertThat(report.accountIssues().get(0).samples()).containsExactly(new DataQualityReport.Sample("R001",
                "110105********0021", "the check character does not match (GB 11643)"));
        assertThat(report.accountIssues().get(7).samples()).extracting(DataQualityReport.Sample::record,
                DataQualityReport.Sample::identityNumber).containsExactlyInAnyOrder(
                        tuple("R003, R004", "110101********0078"), tuple("A001, A018", "110105********9116"));
        assertThat(report.accountIssues().get(6).samples()).extracting(DataQualityReport.Sample::detail)
                .containsExactly("balance 10.00, contributions 7.00 over 2 months");
        assertThat(report.employersExamined()).isEqualTo(3);
        assertThat(report.employerCount(IssueCode.CREDIT_CODE_CHECK_FAILED)).isEqualTo(1);
        assertThat(report.employerCount(IssueCode.MISSING_BANK_ACCOUNT)).isEqualTo(1);
        assertThat(report.recentImports()).extracting(BatchReport::batchId, BatchReport::quarantined).containsExactly(
                tuple(BatchId.of("20261125-100100-00ee"), 0L), tuple(BATCH, 16L));
    }

    private static Document raw(String accountNumber, String identityNumber, String state, LocalDate openedOn,
                                long balanceFen, String bankAccount) {
        Document document = new Document("_id", accountNumber).append("identityNumber", identityNumber)
                .append("state", state).append("balance", balanceFen);
        if (openedOn != null) {
            document.append("openedOn", java.util.Date.from(openedOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (bankAccount != null) {
            document.append("bankAccount", bankAccount);
        }
        return document;
    }
}
