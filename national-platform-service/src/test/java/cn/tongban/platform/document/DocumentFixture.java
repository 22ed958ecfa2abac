package cn.tongban.platform.document;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.GridFsContentStore;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.platform.audit.AuditCheckpointer;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.AuditVerifier;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * The document service as the platform wires it — GridFS and the audit log on an embedded MongoDB, the platform's
 * dev key — with one known case: Beijing (110000) asked Shanghai (310000) for a certificate. Guangzhou (440100) is
 * in the federation but not in the case.
 */
final class DocumentFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final String CASE = "110000-20261125-000042";
    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode GUANGZHOU = CenterCode.of("440100");

    final EmbeddedMongo mongo = new EmbeddedMongo("platform_documents_test");
    final MutableClock clock = new MutableClock(NOW);
    final Sm2KeyPair platformKey = Sm2Keys.devKeyPair("platform");
    final AuditLog audit = new AuditLog(mongo.template(), new AuditCheckpointer(mongo.template(), platformKey, 100, clock),
            clock, 10);
    final AuditVerifier verifier = new AuditVerifier(mongo.template(), platformKey.verifier(), 100, clock);
    final GridFsContentStore gridFs = new GridFsContentStore(mongo.factory().getMongoDatabase(), "documents");
    final DocumentRecords records = new DocumentRecords(mongo.template());
    final PlatformCaseStore cases = mock(PlatformCaseStore.class);
    final DocumentProperties properties;

    DocumentFixture(DataSize maxSize) {
        properties = new DocumentProperties(maxSize, Set.of(cn.tongban.kit.document.DocumentType.values()),
                Map.of(MaterialKind.PURCHASE_PROOF, Period.ofYears(5), MaterialKind.COMPLETION_RECEIPT, Period.ofYears(30)),
                Period.ofYears(3), Duration.ofMinutes(15), Duration.ofHours(1), 100, false);
        PlatformCase platformCase = new PlatformCase(CASE, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, HandlingMode.PROXY,
                BEIJING, SHANGHAI, CaseState.DELIVERED, NOW, NOW, null, null, null, null, NOW, List.of());
        when(cases.find(CASE)).thenReturn(Optional.of(platformCase));
    }

    DocumentFixture() {
        this(DataSize.ofMegabytes(1));
    }

    DocumentService service() {
        return service(gridFs);
    }

    DocumentService service(ContentStore store) {
        return new DocumentService(records, store, cases, audit, properties, clock);
    }

    DocumentRetention retention() {
        return new DocumentRetention(records, gridFs, clock, 100);
    }

    static DocumentAccessPolicy.Requester centerService(CenterCode center) {
        return new DocumentAccessPolicy.Requester("svc-" + center, false, Optional.of(center));
    }

    static DocumentAccessPolicy.Requester operator() {
        return new DocumentAccessPolicy.Requester("operator-1", true, Optional.empty());
    }

    static DocumentService.Upload upload(MaterialKind kind, byte[] content) {
        return new DocumentService.Upload(CASE, kind, Digests.of(content).sm3(), null);
    }

    long documentRecords() {
        return mongo.template().getCollection(DocumentRecords.COLLECTION).countDocuments();
    }

    long gridFsFiles() {
        return mongo.template().getCollection("documents.files").countDocuments();
    }

    long gridFsChunks() {
        return mongo.template().getCollection("documents.chunks").countDocuments();
    }

    long auditRecords() {
        return mongo.template().getCollection("audit_log").countDocuments();
    }

    @Override
    public void close() {
        mongo.close();
    }
}
