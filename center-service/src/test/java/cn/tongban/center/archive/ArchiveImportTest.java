package cn.tongban.center.archive;

import static cn.tongban.center.archive.ArchiveFixture.CASE;
import static cn.tongban.center.archive.ArchiveFixture.LI;
import static cn.tongban.center.archive.ArchiveFixture.LI_ACCOUNT;
import static cn.tongban.center.archive.ArchiveFixture.UNKNOWN_PERSON;
import static cn.tongban.center.archive.ArchiveFixture.ZHANG;
import static cn.tongban.center.archive.ArchiveFixture.ZHANG_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.VerifiedRead;
import cn.tongban.kit.testing.SampleDocuments;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Digitising paper archives: each scan of a batch is linked to its account or case, checked and stored in the
 * center's own GridFS; every row and file that could not be linked is in the report with its reason.
 */
class ArchiveImportTest {

    final ArchiveFixture fixture = new ArchiveFixture();
    final ArchiveImport archive = fixture.importer(256 * 1024);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void scansAreLinkedByAccountNumberIdentityNumberOrCaseAndStoredVerified() {
        byte[] contract = SampleDocuments.pdf("劳动合同");
        byte[] idCard = SampleDocuments.jpeg();
        byte[] receipt = SampleDocuments.ofd();
        ArchiveFixture.Batch batch = new ArchiveFixture.Batch()
                .row("contract.pdf", contract, ZHANG_ACCOUNT, "", "")
                .row("id-card.jpg", idCard, "", LI.value(), "")
                .row("receipt.ofd", receipt, "", "", CASE)
                .file("contract.pdf", contract).file("id-card.jpg", idCard).file("receipt.ofd", receipt);

        ArchiveReport report = archive.run("b-1", "admin-1", batch.manifestBytes(), batch.files);

        assertThat(report.problems()).isEmpty();
        assertThat(report.archived()).extracting(ArchiveReport.Archived::file, ArchiveReport.Archived::accountNumber,
                ArchiveReport.Archived::caseId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("contract.pdf", ZHANG_ACCOUNT, null),
                org.assertj.core.groups.Tuple.tuple("id-card.jpg", LI_ACCOUNT, null),
                org.assertj.core.groups.Tuple.tuple("receipt.ofd", null, CASE));
        ArchiveReport.Archived first = report.archived().get(0);
        ArchivedDocument stored = fixture.records.document(first.documentId()).orElseThrow();
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.materialKind()).isEqualTo(MaterialKind.ARCHIVE_SCAN);
        assertThat(stored.title()).isEqualTo("档案 contract.pdf");
        VerifiedRead.Outcome read = VerifiedRead.read(fixture.gridFs, first.documentId(), Digests.of(contract));
        assertThat(read).isInstanceOf(VerifiedRead.Intact.class);
        ((VerifiedRead.Intact) read).content().close();
        assertThat(fixture.records.report("b-1")).hasValue(report);
    }

    @Test
    void brokenRowsAreReportedWithTheirReasonAndLeaveNothingInTheStore() {
        byte[] good = SampleDocuments.pdf("good");
        byte[] png = SampleDocuments.png();
        byte[] exe = SampleDocuments.exe();
        byte[] notOfd = SampleDocuments.zipThatIsNotOfd();
        byte[] big = new byte[300 * 1024];
        ArchiveFixture.Batch batch = new ArchiveFixture.Batch()
                .row("good.pdf", good, ZHANG_ACCOUNT, ZHANG.value(), "")                          // line 2: archived
                .row("good.pdf", good, LI_ACCOUNT, "", "")                                        // 3: DUPLICATE_ROW
                .line("\"broken.pdf,abc,,,")                                                      // 4: MALFORMED_ROW
                .row("missing.pdf", good, ZHANG_ACCOUNT, "", "")                                  // 5: FILE_NOT_UPLOADED
                .row("changed.png", Digests.of(good).sm3(), ZHANG_ACCOUNT, "", "", "")            // 6: DIGEST_MISMATCH
                .row("scan.pdf", exe, ZHANG_ACCOUNT, "", "")                                      // 7: UNSUPPORTED_TYPE
                .row("word.ofd", notOfd, ZHANG_ACCOUNT, "", "")                                   // 8: UNSUPPORTED_TYPE
                .row("nobody.png", png, "", "", "")                                               // 9: NO_LINK
                .row("ghost.png", png, "110000999999", "", "")                                    // 10: UNKNOWN_ACCOUNT
                .row("stranger.png", png, "", UNKNOWN_PERSON.value(), "")                         // 11: UNKNOWN_IDENTITY
                .row("typo.png", png, "", "110105194912310020", "")                               // 12: BAD_IDENTITY_NUMBER
                .row("mixed.png", png, ZHANG_ACCOUNT, LI.value(), "")                             // 13: ACCOUNT_IDENTITY_DISAGREE
                .row("case.png", png, "", "", "110000-20261125-000999")                           // 14: UNKNOWN_CASE
                .row("kind.png", Digests.of(png).sm3(), ZHANG_ACCOUNT, "", "", "RECEIPT")         // 15: UNKNOWN_MATERIAL_KIND
                .row("short.png", "abc", ZHANG_ACCOUNT, "", "", "")                               // 16: BAD_DIGEST_FORMAT
                .row("big.pdf", big, ZHANG_ACCOUNT, "", "")                                       // 17: FILE_TOO_LARGE
                .row("", good, ZHANG_ACCOUNT, "", "")                                             // 18: MISSING_FILE_NAME
                .file("good.pdf", good).file("changed.png", png).file("scan.pdf", exe).file("word.ofd", notOfd)
                .file("nobody.png", png).file("ghost.png", png).file("stranger.png", png).file("typo.png", png)
                .file("mixed.png", png).file("case.png", png).file("kind.png", png).file("short.png", png)
                .file("big.pdf", big).file("extra.jpg", SampleDocuments.jpeg());                  // extra: FILE_NOT_IN_MANIFEST

        ArchiveReport report = archive.run("b-2", "admin-1", batch.manifestBytes(), batch.files);

        assertThat(report.archived()).extracting(ArchiveReport.Archived::line).containsExactly(2);
        assertThat(report.problems()).extracting(ArchiveReport.Problem::line, ArchiveReport.Problem::issue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, ArchiveIssue.DUPLICATE_ROW),
                org.assertj.core.groups.Tuple.tuple(4, ArchiveIssue.MALFORMED_ROW),
                org.assertj.core.groups.Tuple.tuple(5, ArchiveIssue.FILE_NOT_UPLOADED),
                org.assertj.core.groups.Tuple.tuple(6, ArchiveIssue.DIGEST_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(7, ArchiveIssue.UNSUPPORTED_TYPE),
                org.assertj.core.groups.Tuple.tuple(8, ArchiveIssue.UNSUPPORTED_TYPE),
                org.assertj.core.groups.Tuple.tuple(9, ArchiveIssue.NO_LINK),
                org.assertj.core.groups.Tuple.tuple(10, ArchiveIssue.UNKNOWN_ACCOUNT),
                org.assertj.core.groups.Tuple.tuple(11, ArchiveIssue.UNKNOWN_IDENTITY),
                org.assertj.core.groups.Tuple.tuple(12, ArchiveIssue.BAD_IDENTITY_NUMBER),
                org.assertj.core.groups.Tuple.tuple(13, ArchiveIssue.ACCOUNT_IDENTITY_DISAGREE),
                org.assertj.core.groups.Tuple.tuple(14, ArchiveIssue.UNKNOWN_CASE),
                org.assertj.core.groups.Tuple.tuple(15, ArchiveIssue.UNKNOWN_MATERIAL_KIND),
                org.assertj.core.groups.Tuple.tuple(16, ArchiveIssue.BAD_DIGEST_FORMAT),
                org.assertj.core.groups.Tuple.tuple(17, ArchiveIssue.FILE_TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple(18, ArchiveIssue.MISSING_FILE_NAME),
                org.assertj.core.groups.Tuple.tuple(0, ArchiveIssue.FILE_NOT_IN_MANIFEST));
        assertThat(report.problems().get(3).detail()).contains(Digests.of(png).sm3());
        assertThat(report.problems().get(16).file()).isEqualTo("extra.jpg");
        assertThat(report.rows()).isEqualTo(17);
        assertThat(report.archived().size() + report.alreadyArchived().size()
                + report.problems().stream().filter(p -> p.line() > 0).count()).isEqualTo(report.rows());
        assertThat(report.byIssue()).containsEntry(ArchiveIssue.UNSUPPORTED_TYPE, 2L);
        assertThat(fixture.storedFiles()).isEqualTo(1);
        assertThat(fixture.archivedRecords()).isEqualTo(1);
    }

    @Test
    void aBatchImportedAgainAfterFixingItsRowsDoesNotArchiveTheGoodScansTwice() {
        byte[] contract = SampleDocuments.pdf("劳动合同");
        byte[] form = SampleDocuments.pdf("登记表");
        ArchiveFixture.Batch first = new ArchiveFixture.Batch()
                .row("contract.pdf", contract, ZHANG_ACCOUNT, "", "")
                .row("form.pdf", form, "110000999999", "", "")
                .file("contract.pdf", contract).file("form.pdf", form);
        ArchiveReport before = archive.run("b-3", "admin-1", first.manifestBytes(), first.files);
        ArchiveFixture.Batch fixed = new ArchiveFixture.Batch()
                .row("contract.pdf", contract, ZHANG_ACCOUNT, "", "")
                .row("form.pdf", form, ZHANG_ACCOUNT, "", "")
                .file("contract.pdf", contract).file("form.pdf", form);

        ArchiveReport after = archive.run("b-4", "admin-1", fixed.manifestBytes(), fixed.files);

        assertThat(before.problems()).extracting(ArchiveReport.Problem::issue).containsExactly(ArchiveIssue.UNKNOWN_ACCOUNT);
        assertThat(after.alreadyArchived()).extracting(ArchiveReport.Archived::documentId)
                .containsExactly(before.archived().get(0).documentId());
        assertThat(after.archived()).extracting(ArchiveReport.Archived::file).containsExactly("form.pdf");
        assertThat(fixture.storedFiles()).isEqualTo(2);
    }

    @Test
    void aManifestThatIsNotCsvOrLacksTheFileAndSm3ColumnsRefusesTheWholeBatchAndStoresNothing() {
        byte[] pdf = SampleDocuments.pdf();
        List<ArchiveImport.ArchiveFile> files = new ArchiveFixture.Batch().file("a.pdf", pdf).files;

        Stream.of(SampleDocuments.pdf(), "name,account_number\na.pdf,1\n".getBytes()).forEach(manifest ->
                assertThatThrownBy(() -> archive.run("b-5", "admin-1", manifest, files))
                        .isInstanceOf(ArchiveImport.UnreadableManifest.class));

        assertThat(fixture.storedFiles()).isZero();
        assertThat(fixture.records.report("b-5")).isEmpty();
    }

    @Test
    void chineseHeadersAreReadToo() throws IOException {
        byte[] pdf = SampleDocuments.pdf("中文表头");
        String manifest = "文件名,SM3摘要,证件号码,材料类别\nscan.pdf," + Digests.of(pdf).sm3() + "," + ZHANG.value()
                + ",IDENTITY_DOCUMENT\n";
        ArchiveReport report = archive.run("b-6", "admin-1", manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ArchiveFixture.Batch().file("scan.pdf", pdf).files);

        assertThat(report.archived()).extracting(ArchiveReport.Archived::accountNumber).containsExactly(ZHANG_ACCOUNT);
        assertThat(fixture.records.document(report.archived().get(0).documentId()).orElseThrow().materialKind())
                .isEqualTo(MaterialKind.IDENTITY_DOCUMENT);
    }
}
