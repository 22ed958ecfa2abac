package cn.tongban.platform.document;

import static cn.tongban.platform.document.DocumentFixture.BEIJING;
import static cn.tongban.platform.document.DocumentFixture.CASE;
import static cn.tongban.platform.document.DocumentFixture.GUANGZHOU;
import static cn.tongban.platform.document.DocumentFixture.SHANGHAI;
import static cn.tongban.platform.document.DocumentFixture.centerService;
import static cn.tongban.platform.document.DocumentFixture.operator;
import static cn.tongban.platform.document.DocumentFixture.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.document.DocumentReference;
import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.ContentStoreException;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.StagedContent;
import cn.tongban.kit.testing.GridFsTampering;
import cn.tongban.kit.testing.SampleDocuments;
import cn.tongban.kit.web.ApiProblem;
import cn.tongban.platform.audit.AuditReport;
import cn.tongban.platform.audit.DocumentAccess;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Materials of a case at the platform: stored whole after their checks or not at all, read back only by the two
 * centers of the case and operators, checked against their digest on every read, every read in the audit chain.
 */
class DocumentServiceTest {

    final DocumentFixture fixture = new DocumentFixture();
    final DocumentService documents = fixture.service();

    @AfterEach
    void close() {
        fixture.close();
    }

    private DocumentReference uploaded(byte[] content, MaterialKind kind) {
        return documents.upload(centerService(BEIJING), upload(kind, content), new ByteArrayInputStream(content));
    }

    private static ApiProblem problem(Runnable call) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            return problem;
        }
        throw new AssertionError("expected a refusal");
    }

    private void nothingIsKept() {
        assertThat(fixture.documentRecords()).isZero();
        assertThat(fixture.gridFsFiles()).isZero();
        assertThat(fixture.gridFsChunks()).isZero();
    }

    @Test
    void aCenterOfTheCaseUploadsAScanAndGetsAReferenceWithBothDigests() {
        byte[] pdf = SampleDocuments.pdf("购房合同");

        DocumentReference reference = uploaded(pdf, MaterialKind.PURCHASE_PROOF);

        Digests digests = Digests.of(pdf);
        assertThat(reference.sm3()).isEqualTo(digests.sm3());
        assertThat(reference.sha256()).isEqualTo(digests.sha256());
        assertThat(reference.size()).isEqualTo(pdf.length);
        assertThat(reference.mediaType()).isEqualTo("application/pdf");
        assertThat(reference.uploader()).isEqualTo(BEIJING);
        assertThat(reference.caseId().value()).isEqualTo(CASE);
        StoredDocument stored = fixture.records.find(reference.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(StoredDocument.State.STORED);
        assertThat(stored.retainUntil()).isEqualTo(DocumentFixture.NOW.atOffset(java.time.ZoneOffset.UTC).plusYears(5).toInstant());
        assertThat(fixture.gridFs.exists(reference.id())).isTrue();
    }

    @Test
    void aPngNamedPdfIsStoredAsPngBecauseTheTypeComesFromTheBytes() {
        DocumentReference reference = uploaded(SampleDocuments.png(), MaterialKind.IDENTITY_DOCUMENT);

        assertThat(reference.mediaType()).isEqualTo("image/png");
    }

    @Test
    void aDisguisedFileIsRefusedWith415AndNothingIsKept() {
        for (byte[] disguised : new byte[][] {SampleDocuments.exe(), SampleDocuments.zipThatIsNotOfd()}) {
            ApiProblem refused = problem(() -> uploaded(disguised, MaterialKind.APPLICATION_FORM));

            assertThat(refused.status().value()).isEqualTo(415);
            assertThat(refused.code()).isEqualTo("UNSUPPORTED_DOCUMENT_TYPE");
        }
        nothingIsKept();
    }

    @Test
    void aFileWhoseDigestIsNotTheOneGivenIsRefusedWith422AndNothingIsKept() {
        byte[] pdf = SampleDocuments.pdf();
        byte[] changedOnTheWay = SampleDocuments.pdf("改");

        ApiProblem refused = problem(() -> documents.upload(centerService(BEIJING),
                upload(MaterialKind.APPLICATION_FORM, pdf), new ByteArrayInputStream(changedOnTheWay)));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DIGEST_MISMATCH");
        assertThat(refused.getMessage()).contains(Digests.of(changedOnTheWay).sm3());
        nothingIsKept();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() {
        byte[] big = new byte[1024 * 1024 + 1];

        ApiProblem refused = problem(() -> uploaded(big, MaterialKind.APPLICATION_FORM));

        assertThat(refused.status().value()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("DOCUMENT_TOO_LARGE");
        nothingIsKept();
    }

    @Test
    void aCenterThatIsNotAPartyOfTheCaseMayNotUpload() {
        byte[] pdf = SampleDocuments.pdf();

        ApiProblem refused = problem(() -> documents.upload(centerService(GUANGZHOU), upload(MaterialKind.OTHER, pdf),
                new ByteArrayInputStream(pdf)));

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_A_PARTY");
        nothingIsKept();
    }

    @Test
    void anUnknownCaseIs404() {
        byte[] pdf = SampleDocuments.pdf();

        ApiProblem refused = problem(() -> documents.upload(centerService(BEIJING),
                new DocumentService.Upload("110000-20261125-000999", MaterialKind.OTHER, Digests.of(pdf).sm3(), null),
                new ByteArrayInputStream(pdf)));

        assertThat(refused.code()).isEqualTo("NO_SUCH_CASE");
    }

    @Test
    void aStoreThatFailsHalfWayLeavesNeitherContentNorRecord() {
        // GridFS itself, but the connection "drops" after the first chunk was written
        ContentStore failingMidWay = new ContentStore() {
            @Override
            public void put(String key, StagedContent content, String mediaType) {
                fixture.gridFs.put(key, content, mediaType);
                fixture.mongo.template().getCollection("documents.files").deleteMany(Filters.eq("_id", key));
                throw new ContentStoreException("connection reset while writing " + key);
            }

            @Override
            public Optional<InputStream> open(String key) {
                return fixture.gridFs.open(key);
            }

            @Override
            public void delete(String key) {
                fixture.gridFs.delete(key);
            }

            @Override
            public boolean exists(String key) {
                return fixture.gridFs.exists(key);
            }

            @Override
            public String backend() {
                return "gridfs";
            }
        };
        byte[] big = new byte[700 * 1024];
        byte[] pdf = SampleDocuments.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length - 6);
        System.arraycopy(pdf, pdf.length - 6, big, big.length - 6, 6);

        ApiProblem refused = problem(() -> fixture.service(failingMidWay).upload(centerService(BEIJING),
                upload(MaterialKind.APPLICATION_FORM, big), new ByteArrayInputStream(big)));

        assertThat(refused.status().value()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("DOCUMENT_STORE_UNAVAILABLE");
        nothingIsKept();
    }

    @Test
    void bothCentersOfTheCaseAndOperatorsReadTheVerifiedContentAndEachReadIsAudited() throws IOException {
        byte[] jpeg = SampleDocuments.jpeg();
        DocumentReference reference = uploaded(jpeg, MaterialKind.COMPLETION_RECEIPT);

        for (DocumentAccessPolicy.Requester reader : new DocumentAccessPolicy.Requester[] {
                centerService(BEIJING), centerService(SHANGHAI), operator()}) {
            DocumentService.Served served = documents.read(reader, reference.id());
            try (StagedContent staged = served.content(); InputStream in = staged.open()) {
                assertThat(in.readAllBytes()).isEqualTo(jpeg);
            }
        }

        documents.reference(centerService(SHANGHAI), reference.id());

        assertThat(fixture.auditRecords()).isEqualTo(4);
        Document content = fixture.mongo.template().getCollection("audit_log").find(Filters.eq("_id", 3L)).first();
        assertThat(content.getString("type")).isEqualTo(DocumentAccess.READ);
        assertThat(content.getString("subject")).isEqualTo(CASE);
        assertThat(content.getString("origin")).isEmpty();
        Document last = fixture.mongo.template().getCollection("audit_log").find().sort(new Document("_id", -1)).first();
        assertThat(last.getString("type")).isEqualTo(DocumentAccess.READ);
        assertThat(last.getString("origin")).isEqualTo("310000");
        AuditReport report = fixture.verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(4);
    }

    @Test
    void aThirdCenterGets403AndTheRefusalIsAuditedToo() {
        DocumentReference reference = uploaded(SampleDocuments.pdf(), MaterialKind.PURCHASE_PROOF);

        ApiProblem refused = problem(() -> documents.read(centerService(GUANGZHOU), reference.id()));
        ApiProblem refusedReference = problem(() -> documents.reference(centerService(GUANGZHOU), reference.id()));

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_A_PARTY");
        assertThat(refusedReference.code()).isEqualTo("NOT_A_PARTY");
        Document record = fixture.mongo.template().getCollection("audit_log").find(Filters.eq("_id", 1L)).first();
        assertThat(record.getString("type")).isEqualTo(DocumentAccess.REFUSED);
        assertThat(record.getString("origin")).isEqualTo("440100");
        assertThat(fixture.verifier.verify().intact()).isTrue();
    }

    @Test
    void contentChangedInTheStoreIsNotServed() {
        byte[] png = SampleDocuments.png();
        DocumentReference reference = uploaded(png, MaterialKind.IDENTITY_DOCUMENT);
        GridFsTampering.flipAByte(fixture.mongo.factory().getMongoDatabase(), "documents", reference.id(), 20);

        ApiProblem refused = problem(() -> documents.read(centerService(SHANGHAI), reference.id()));

        assertThat(refused.status().value()).isEqualTo(500);
        assertThat(refused.code()).isEqualTo("DOCUMENT_CORRUPTED");
        assertThat(fixture.auditRecords()).isZero();
    }

    @Test
    void aRemovedDocumentRecordInTheAuditLogIsFoundByTheVerifier() {
        DocumentReference reference = uploaded(SampleDocuments.pdf(), MaterialKind.PURCHASE_PROOF);
        for (int i = 0; i < 3; i++) {
            documents.read(operator(), reference.id()).content().close();
        }

        fixture.mongo.template().getCollection("audit_log").deleteOne(Filters.eq("_id", 2L));

        assertThat(fixture.verifier.verify().intact()).isFalse();
    }

    @Test
    void retentionRemovesDocumentsPerMaterialKindAndAbandonedUploads() {
        DocumentReference proof = uploaded(SampleDocuments.pdf("proof"), MaterialKind.PURCHASE_PROOF);
        DocumentReference receipt = uploaded(SampleDocuments.pdf("receipt"), MaterialKind.COMPLETION_RECEIPT);
        DocumentReference other = uploaded(SampleDocuments.pdf("other"), MaterialKind.OTHER);
        fixture.records.insertPending(new StoredDocument("d-abandoned", StoredDocument.State.PENDING, proof,
                BEIJING, SHANGHAI, "svc", DocumentFixture.NOW, DocumentFixture.NOW.plus(Duration.ofMinutes(15))));

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.retention().purgeOnce()).isEqualTo(1);
        fixture.clock.set(DocumentFixture.NOW.plus(Duration.ofDays(3 * 366 + 1)));
        assertThat(fixture.retention().purgeOnce()).isEqualTo(1);
        fixture.clock.set(DocumentFixture.NOW.plus(Duration.ofDays(5 * 366 + 1)));
        assertThat(fixture.retention().purgeOnce()).isEqualTo(1);

        assertThat(fixture.records.find(other.id())).isEmpty();
        assertThat(fixture.gridFs.exists(other.id())).isFalse();
        assertThat(fixture.records.find(proof.id())).isEmpty();
        assertThat(fixture.records.find(receipt.id())).isPresent();
        assertThat(fixture.gridFs.exists(receipt.id())).isTrue();
        assertThat(problem(() -> documents.read(operator(), proof.id())).code()).isEqualTo("NO_SUCH_DOCUMENT");
    }

    @Test
    void aCenterServiceUploadsButAnOperatorDoesNot() {
        byte[] pdf = SampleDocuments.pdf();

        assertThatThrownBy(() -> documents.upload(operator(), upload(MaterialKind.OTHER, pdf), new ByteArrayInputStream(pdf)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("operators read");
        nothingIsKept();
    }
}
