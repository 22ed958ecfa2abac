package cn.tongban.center.archive;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.VerifiedRead;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Wires the archive import to this center's accounts, cases, content store and database. */
@Service
class ArchiveService implements ArchiveTargets {

    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AccountStore accounts;
    private final CaseStore cases;
    private final ArchiveStore archive;
    private final ContentStore store;
    private final ArchiveProperties properties;
    private final Clock clock;

    ArchiveService(AccountStore accounts, CaseStore cases, ArchiveStore archive, ContentStore store,
                   ArchiveProperties properties, Clock clock) {
        this.accounts = accounts;
        this.cases = cases;
        this.archive = archive;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    ArchiveReport importBatch(String importedBy, byte[] manifest, List<ArchiveImport.ArchiveFile> files) {
        if (files.size() > properties.maxFiles()) {
            throw ApiProblem.badRequest("TOO_MANY_FILES", "a batch carries at most " + properties.maxFiles()
                    + " files; this one has " + files.size() + ": split it");
        }
        String batchId = BATCH_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ArchiveImport run = new ArchiveImport(this, archive, store, clock, properties.maxFileSize().toBytes());
        try {
            ArchiveReport report = run.run(batchId, importedBy, manifest, files);
            log.info("archive batch {}: {} rows, {} files, {} archived, {} already archived, {} problems {}", batchId,
                    report.rows(), report.files(), report.archived().size(), report.alreadyArchived().size(),
                    report.problems().size(), report.byIssue());
            return report;
        } catch (ArchiveImport.UnreadableManifest e) {
            throw ApiProblem.badRequest("UNREADABLE_MANIFEST", e.getMessage());
        }
    }

    Optional<ArchiveReport> report(String batchId) {
        return archive.report(batchId);
    }

    /** A scan's record and its verified content; the caller closes the content. */
    VerifiedRead.Intact read(String id) {
        ArchivedDocument document = archive.document(id)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ARCHIVE_DOCUMENT", "no archived document " + id));
        VerifiedRead.Outcome outcome = VerifiedRead.read(store, id, new Digests(document.sm3(), document.sha256(),
                document.size()));
        if (outcome instanceof VerifiedRead.Intact intact) {
            return intact;
        }
        log.error("archived document {} is {} in the {} store", id, outcome.getClass().getSimpleName(), store.backend());
        throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "DOCUMENT_CORRUPTED", "the stored scan " + id
                + " no longer matches its SM3 digest (or is missing) and is not served", List.of());
    }

    Optional<ArchivedDocument> document(String id) {
        return archive.document(id);
    }

    @Override
    public Optional<IdentityNumber> accountHolder(String accountNumber) {
        return accounts.findByAccountNumber(accountNumber).map(PersonalAccount::identityNumber);
    }

    @Override
    public Optional<String> accountOf(IdentityNumber identityNumber) {
        return accounts.findByIdentityNumber(identityNumber).map(PersonalAccount::accountNumber);
    }

    @Override
    public boolean caseExists(String caseId) {
        return cases.find(caseId).isPresent();
    }
}
