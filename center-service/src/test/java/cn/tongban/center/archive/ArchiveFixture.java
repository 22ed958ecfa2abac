package cn.tongban.center.archive;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.GridFsContentStore;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive import over the center's real stores on an embedded MongoDB (records and GridFS bucket
 * {@code archives}), with two known accounts and one known case, and a builder for manifests and files.
 */
final class ArchiveFixture implements AutoCloseable {

    static final IdentityNumber ZHANG = identity("11010519491231002");
    static final IdentityNumber LI = identity("31010119800307123");
    static final IdentityNumber UNKNOWN_PERSON = identity("44010619900101234");
    static final String ZHANG_ACCOUNT = "110000100001";
    static final String LI_ACCOUNT = "110000100002";
    static final String CASE = "110000-20261125-000042";

    final EmbeddedMongo mongo = new EmbeddedMongo("center_archive_test");
    final GridFsContentStore gridFs = new GridFsContentStore(mongo.factory().getMongoDatabase(), "archives");
    final ArchiveStore records = new ArchiveStore(mongo.template());
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    final ArchiveTargets targets = new ArchiveTargets() {
        final Map<String, IdentityNumber> accounts = Map.of(ZHANG_ACCOUNT, ZHANG, LI_ACCOUNT, LI);

        @Override
        public Optional<IdentityNumber> accountHolder(String accountNumber) {
            return Optional.ofNullable(accounts.get(accountNumber));
        }

        @Override
        public Optional<String> accountOf(IdentityNumber identityNumber) {
            return accounts.entrySet().stream().filter(e -> e.getValue().equals(identityNumber)).map(Map.Entry::getKey)
                    .findFirst();
        }

        @Override
        public boolean caseExists(String caseId) {
            return Set.of(CASE).contains(caseId);
        }
    };

    ArchiveImport importer(long maxFileBytes) {
        return new ArchiveImport(targets, records, gridFs, clock, maxFileBytes);
    }

    static IdentityNumber identity(String first17) {
        return IdentityNumber.of(first17 + IdentityNumber.checkCharacter(first17));
    }

    long storedFiles() {
        return mongo.template().getCollection("archives.files").countDocuments();
    }

    long storedChunks() {
        return mongo.template().getCollection("archives.chunks").countDocuments();
    }

    long archivedRecords() {
        return mongo.template().getCollection(ArchiveStore.DOCUMENTS).countDocuments();
    }

    @Override
    public void close() {
        mongo.close();
    }

    /** A batch being put together: manifest lines and files. */
    static final class Batch {
        final StringBuilder manifest = new StringBuilder("file,sm3,account_number,identity_number,case_id,material_kind,title\n");
        final List<ArchiveImport.ArchiveFile> files = new ArrayList<>();

        Batch row(String file, String sm3, String account, String identity, String caseId, String kind) {
            manifest.append(String.join(",", file, sm3, account, identity, caseId, kind, "档案 " + file)).append('\n');
            return this;
        }

        /** A row whose SM3 is the file's own. */
        Batch row(String file, byte[] content, String account, String identity, String caseId) {
            return row(file, Digests.of(content).sm3(), account, identity, caseId, "");
        }

        Batch line(String raw) {
            manifest.append(raw).append('\n');
            return this;
        }

        Batch file(String name, byte[] content) {
            files.add(new ArchiveImport.ArchiveFile(name, () -> new ByteArrayInputStream(content)));
            return this;
        }

        byte[] manifestBytes() {
            return manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
