package cn.tongban.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.kit.crypto.Sm2Keys;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The verify command's findings: 100 relayed events in the log, checkpoints every 10, and then someone with
 * write access to the database edits, deletes, swaps, rewrites or cuts records, or tampers with a checkpoint.
 */
class AuditVerifierTest {

    final AuditFixture audit = new AuditFixture(10);
    List<AuditRecord> records;

    @BeforeEach
    void hundredRelayedEvents() {
        records = audit.append(100);
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    private AuditReport verify() {
        return audit.verifier.verify();
    }

    private void set(String collection, long id, String field, Object value) {
        audit.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(field, value), collection);
    }

    private Document record(long seq) {
        return audit.mongo.findById(seq, Document.class, AuditLog.RECORDS);
    }

    private void replace(long seq, Document with) {
        audit.mongo.remove(Query.query(Criteria.where("_id").is(seq)), AuditLog.RECORDS);
        audit.mongo.insert(with.append("_id", seq), AuditLog.RECORDS);
    }

    @Test
    void anUntouchedLogIsIntact() {
        AuditReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.findings()).isEmpty();
        assertThat(report.records()).isEqualTo(100);
        assertThat(report.lastSeq()).isEqualTo(100);
        assertThat(report.lastHash()).isEqualTo(records.get(99).hash());
        assertThat(report.checkpoints()).isEqualTo(10);
        assertThat(report.lastCheckpointSeq()).isEqualTo(100);
        assertThat(report.unsignedRecords()).isZero();
        assertThat(report.toText()).contains("INTACT").doesNotContain("NOT INTACT");
    }

    @Test
    void anEditedFieldIsReportedAsEditedAtItsSequenceNumber() {
        set(AuditLog.RECORDS, 37, "destination", "440100");

        AuditReport report = verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(37L, AuditFinding.Kind.EDITED);
        assertThat(report.findingCount()).isEqualTo(1);
        assertThat(report.toText()).contains("NOT INTACT", "EDITED at 37");
    }

    @Test
    void anEditedEventDigestIsEditedToo() {
        set(AuditLog.RECORDS, 1, "eventSm3", "0".repeat(64));

        assertThat(verify().firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(1L, AuditFinding.Kind.EDITED);
    }

    @Test
    void aDeletedRecordIsReportedAsMissing() {
        audit.mongo.remove(Query.query(Criteria.where("_id").is(50L)), AuditLog.RECORDS);

        AuditReport report = verify();

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.seq()).isEqualTo(50);
            assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.MISSING);
        });
        assertThat(report.records()).isEqualTo(99);
    }

    @Test
    void twoSwappedRecordsAreReportedAsReordered() {
        Document thirty = record(30);
        Document thirtyOne = record(31);
        replace(30, thirtyOne);
        replace(31, thirty);

        AuditReport report = verify();

        assertThat(report.firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(30L, AuditFinding.Kind.REORDERED);
        assertThat(report.findings()).extracting(AuditFinding::seq).contains(31L);
    }

    @Test
    void twoRecordsWithSwappedContentButKeptSequenceNumbersAreReportedAsEdited() {
        Document thirty = record(30);
        Document thirtyOne = record(31);
        replace(30, thirtyOne.append("seq", 30L));
        replace(31, thirty.append("seq", 31L));

        assertThat(verify().firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(30L, AuditFinding.Kind.EDITED);
    }

    @Test
    void aRecordReplacedWithItsHashRecomputedBreaksTheLinkToTheNextOne() {
        AuditRecord original = records.get(36);
        AuditRecord forged = AuditRecord.of(37, original.prevHash(), AuditFixture.event(1037), AuditFixture.NOW);
        replace(37, AuditLog.toDocument(forged));

        AuditReport report = verify();

        assertThat(report.firstFinding()).get().satisfies(finding -> {
            assertThat(finding.seq()).isEqualTo(38);
            assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.EDITED);
            assertThat(finding.detail()).contains("record 37");
        });
        assertThat(report.findings()).extracting(AuditFinding::seq).containsExactly(38L);
    }

    @Test
    void aWholeRewrittenTailWithEveryHashRecomputedIsCaughtByTheSignedCheckpoints() {
        String previous = records.get(35).hash();
        for (long seq = 37; seq <= 100; seq++) {
            AuditRecord forged = AuditRecord.of(seq, previous,
                    seq == 37 ? AuditFixture.event(1037) : AuditFixture.event((int) seq), AuditFixture.NOW);
            replace(seq, AuditLog.toDocument(forged));
            previous = forged.hash();
        }
        audit.mongo.updateFirst(Query.query(Criteria.where("_id").is(AuditLog.HEAD_ID)),
                new Update().set("hash", previous), AuditLog.HEAD);

        AuditReport report = verify();

        assertThat(report.firstFinding()).get().satisfies(finding -> {
            assertThat(finding.seq()).isEqualTo(40);
            assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.EDITED);
            assertThat(finding.detail()).contains("signed checkpoint");
        });
    }

    @Test
    void aTamperedCheckpointSignatureIsABadCheckpoint() {
        Document checkpoint = audit.mongo.findById(60L, Document.class, AuditCheckpointer.COLLECTION);
        byte[] signature = Base64.getDecoder().decode(checkpoint.getString("signature"));
        signature[signature.length - 1] ^= 0x01;
        set(AuditCheckpointer.COLLECTION, 60, "signature", Base64.getEncoder().encodeToString(signature));

        AuditReport report = verify();

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.seq()).isEqualTo(60);
            assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.BAD_CHECKPOINT);
        });
    }

    @Test
    void aCheckpointMovedToAnotherHashIsABadCheckpoint() {
        set(AuditCheckpointer.COLLECTION, 70, "hash", records.get(68).hash());

        assertThat(verify().firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(70L, AuditFinding.Kind.BAD_CHECKPOINT);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsABadCheckpoint() {
        AuditRecord eighty = records.get(79);
        String time = "2026-11-25T03:00:00Z";
        String forged = Sm2Keys.devKeyPair("someone-else").signer()
                .sign(AuditCheckpoint.signedBytes(80, eighty.hash(), time));
        set(AuditCheckpointer.COLLECTION, 80, "signature", forged);
        set(AuditCheckpointer.COLLECTION, 80, "time", time);

        assertThat(verify().firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(80L, AuditFinding.Kind.BAD_CHECKPOINT);
    }

    @Test
    void recordsCutFromTheEndAreReportedAsTruncated() {
        audit.mongo.remove(Query.query(Criteria.where("_id").gte(98L)), AuditLog.RECORDS);

        AuditReport report = verify();

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.seq()).isEqualTo(98);
            assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.TRUNCATED);
            assertThat(finding.detail()).contains("98..100");
        });
    }

    @Test
    void recordsCutTogetherWithTheHeadAreStillFoundByTheLastCheckpoint() {
        audit.mongo.remove(Query.query(Criteria.where("_id").gte(95L)), AuditLog.RECORDS);
        audit.mongo.updateFirst(Query.query(Criteria.where("_id").is(AuditLog.HEAD_ID)),
                new Update().set("seq", 94L).set("hash", records.get(93).hash()), AuditLog.HEAD);

        assertThat(verify().firstFinding()).get().extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(95L, AuditFinding.Kind.TRUNCATED);
    }

    @Test
    void anEmptyLogIsIntact() {
        audit.mongo.remove(new Query(), AuditLog.RECORDS);
        audit.mongo.remove(new Query(), AuditLog.HEAD);
        audit.mongo.remove(new Query(), AuditCheckpointer.COLLECTION);

        AuditReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isZero();
        assertThat(report.lastHash()).isEqualTo(AuditRecord.GENESIS);
    }

    @Test
    void theLogGoesOnAfterAVerificationAndStaysIntact() {
        assertThat(verify().intact()).isTrue();
        audit.log.append(AuditFixture.event(101));

        AuditReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.lastSeq()).isEqualTo(101);
        assertThat(report.unsignedRecords()).isEqualTo(1);
    }
}
