package cn.tongban.center.dataquality;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountStore;
import cn.tongban.kit.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** The store's answers the import relies on, against the embedded MongoDB. */
class DataQualityStoreTest {

    static final BatchId BATCH = BatchId.of("20261125-100000-0abc");
    final EmbeddedMongo mongo = new EmbeddedMongo("center");
    final DataQualityStore store = new DataQualityStore(mongo.template());
    final PersonalAccountRowCheck accounts = new PersonalAccountRowCheck(ImportRules.national(LocalDate.of(2026, 11, 25)));
    final EmployerRowCheck employers = new EmployerRowCheck(ImportRules.national(LocalDate.of(2026, 11, 25)));

    @AfterEach
    void close() {
        mongo.close();
    }

    private ImportedAccount account(Rows row) {
        return ((RowVerdict.Accepted<ImportedAccount>) accounts.check(row.build())).record();
    }

    private ImportedEmployer employer(Rows row) {
        return ((RowVerdict.Accepted<ImportedEmployer>) employers.check(row.build())).record();
    }

    @Test
    void anAccountNumberStoredMeanwhileComesBackFromTheInsertAndTheOthersAreStored() {
        store.insertAccounts(BATCH, List.of(account(Rows.account())));

        Set<String> taken = store.insertAccounts(BATCH, List.of(
                account(Rows.account().with(Column.GRZH, "110000100000002")),
                account(Rows.account().with(Column.XINGMING, "另一个人")),
                account(Rows.account().with(Column.GRZH, "110000100000003"))));

        assertThat(taken).containsExactly("110000100000001");
        assertThat(mongo.template().count(new Query(), AccountStore.ACCOUNTS)).isEqualTo(3);
    }

    @Test
    void anEmployerCollidingByCreditCodeComesBackByItsAccountNumber() {
        store.insertEmployers(BATCH, List.of(employer(Rows.employer())));

        Set<String> taken = store.insertEmployers(BATCH, List.of(employer(Rows.employer().with(Column.DWZH, "110000800000009"))));

        assertThat(taken).containsExactly("110000800000009");
    }

    @Test
    void existingKeysAndOpenAccountsArePerColumnAndClosedAccountsAreNotOpen() {
        store.insertAccounts(BATCH, List.of(account(Rows.account()),
                account(Rows.account().with(Column.GRZH, "110000100000002").with(Column.GRZHZT, "04").with(Column.GRZHYE, "0"))));
        store.insertEmployers(BATCH, List.of(employer(Rows.employer())));

        assertThat(store.existing(Column.GRZH, List.of("110000100000001", "110000800000001", "x")))
                .containsExactly("110000100000001");
        assertThat(store.existing(Column.DWZH, List.of("110000100000001", "110000800000001"))).containsExactly("110000800000001");
        assertThat(store.existing(Column.TYSHXYDM, List.of("91110000MA01TB014A"))).containsExactly("91110000MA01TB014A");
        assertThat(store.openAccountsOf(List.of(Rows.WANG, Rows.LI)))
                .isEqualTo(Map.of(Rows.WANG, Set.of("110000100000001")));
    }

    @Test
    void quarantinedRowsComeBackInFileOrderPerBatch() {
        BatchId other = BatchId.of("20261125-110000-0def");
        store.quarantine(List.of(
                new QuarantinedRow(BATCH, 9, "b", List.of(Finding.ofRow(IssueCode.MALFORMED_ROW, "x"))),
                new QuarantinedRow(other, 3, "c", List.of(Finding.ofRow(IssueCode.MALFORMED_ROW, "y"))),
                new QuarantinedRow(BATCH, 4, "a", List.of(Finding.of(IssueCode.MISSING_FIELD, Column.ZJHM, "z"),
                        Finding.of(IssueCode.MISSING_BANK_ACCOUNT, Column.YHZH, "w")))));

        assertThat(store.quarantined(BATCH, 0, 10)).extracting(QuarantinedRow::line, QuarantinedRow::raw)
                .containsExactly(org.assertj.core.api.Assertions.tuple(4, "a"), org.assertj.core.api.Assertions.tuple(9, "b"));
        assertThat(store.quarantined(BATCH, 0, 10).get(0).reasons()).hasSize(2);
        assertThat(store.countQuarantined(BATCH)).isEqualTo(2);
        Document stored = mongo.template().getCollection(DataQualityStore.QUARANTINE).find(new Document("line", 4)).first();
        assertThat(stored.getList("reasons", Document.class).get(0).getString("code")).isEqualTo("MISSING_FIELD");
    }
}
