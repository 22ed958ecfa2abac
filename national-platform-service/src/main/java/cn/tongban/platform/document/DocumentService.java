package cn.tongban.platform.document;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.document.DocumentReference;
import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.ContentStoreException;
import cn.tongban.kit.document.ContentTooLargeException;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.DocumentType;
import cn.tongban.kit.document.Sniffed;
import cn.tongban.kit.document.StagedContent;
import cn.tongban.kit.document.VerifiedRead;
import cn.tongban.kit.web.ApiProblem;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.audit.DocumentAccess;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes in and hands out the materials of cross-center cases (材料上传与调阅).
 *
 * <p>An upload is staged to a temporary file while its SM3 and SHA-256 are computed, and checked there — size,
 * type by content, the uploader's SM3 — before anything is written. Then a pending record is inserted, the
 * content stored under its id, and the record marked stored. Any failure on the way removes what was written;
 * a crash in between leaves a pending record that the retention purge removes with its content after
 * {@code pending-timeout}. So a refused or broken upload keeps nothing, and a stored document is always whole.
 *
 * <p>A read checks who asks, reads the content back from the store and compares it with the digests recorded at
 * upload before serving it, and appends the read — granted or refused, of the content or of the reference — to
 * the audit log.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentRecords records;
    private final ContentStore store;
    private final PlatformCaseStore cases;
    private final AuditLog audit;
    private final DocumentProperties properties;
    private final Clock clock;

    DocumentService(DocumentRecords records, ContentStore store, PlatformCaseStore cases, AuditLog audit,
                    DocumentProperties properties, Clock clock) {
        this.records = records;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an uploader says about the material. */
    public record Upload(String caseId, MaterialKind materialKind, String sm3, String sha256) {
    }

    /** Checks and stores a material; returns the reference events will carry. */
    public DocumentReference upload(DocumentAccessPolicy.Requester requester, Upload upload, InputStream content) {
        if (!isCaseId(upload.caseId())) {
            throw ApiProblem.invalidField("caseId", "a case id looks like 310000-20261125-000042");
        }
        if (!Digests.isHexDigest(upload.sm3())) {
            throw ApiProblem.invalidField("sm3", "the SM3 of the file, 64 hex digits");
        }
        if (upload.sha256() != null && !upload.sha256().isBlank() && !Digests.isHexDigest(upload.sha256())) {
            throw ApiProblem.invalidField("sha256", "the SHA-256 of the file, 64 hex digits");
        }
        PlatformCase found = cases.find(upload.caseId())
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + upload.caseId()));
        DocumentAccessPolicy.Parties parties = new DocumentAccessPolicy.Parties(found.requestingCenter(),
                found.handlingCenter());
        if (DocumentAccessPolicy.mayUpload(requester, parties) instanceof DocumentAccessPolicy.Refused refused) {
            throw ApiProblem.forbidden(refused.code(), refused.reason());
        }
        try (StagedContent staged = stage(content)) {
            DocumentType type = acceptedType(staged);
            Digests digests = staged.digests();
            if (!digests.sm3().equals(upload.sm3().strip().toLowerCase(Locale.ROOT))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "DIGEST_MISMATCH", "the file's SM3 is "
                        + digests.sm3() + ", not " + upload.sm3() + " as given: it changed on the way; send it again",
                        List.of());
            }
            if (upload.sha256() != null && !upload.sha256().isBlank()
                    && !digests.sha256().equals(upload.sha256().strip().toLowerCase(Locale.ROOT))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "DIGEST_MISMATCH", "the file's SHA-256 is "
                        + digests.sha256() + ", not " + upload.sha256() + " as given: it changed on the way", List.of());
            }
            DocumentReference reference = new DocumentReference("d-" + UUID.randomUUID(), digests.sm3(),
                    digests.sha256(), digests.size(), type.mediaType(), requester.center().orElseThrow(),
                    CaseId.of(upload.caseId()), upload.materialKind());
            store(reference, parties, requester.subject(), staged);
            log.info("document {} ({}, {} bytes) stored for case {} by center {}", reference.id(), type,
                    digests.size(), reference.caseId(), reference.uploader());
            return reference;
        }
    }

    private StagedContent stage(InputStream content) {
        long limit = properties.maxSize().toBytes();
        try {
            return StagedContent.stage(content, limit);
        } catch (ContentTooLargeException e) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "DOCUMENT_TOO_LARGE", "a document holds at most "
                    + properties.maxSize().toMegabytes() + " MB (" + limit + " bytes)", List.of());
        } catch (UncheckedIOException e) {
            throw ApiProblem.badRequest("UPLOAD_INTERRUPTED", "the upload broke off before the end of the file");
        }
    }

    private DocumentType acceptedType(StagedContent staged) {
        Sniffed sniffed = staged.sniff();
        if (sniffed instanceof Sniffed.Refused refused) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_DOCUMENT_TYPE", "the file is "
                    + refused.reason() + "; accepted are " + properties.acceptedTypes() + ", told apart by content,"
                    + " not by file name", List.of());
        }
        DocumentType type = ((Sniffed.Recognised) sniffed).type();
        if (!properties.acceptedTypes().contains(type)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_DOCUMENT_TYPE", "the file is " + type
                    + ", which is not accepted; accepted are " + properties.acceptedTypes(), List.of());
        }
        return type;
    }

    /** Pending record, content, stored record — or nothing, whatever fails. */
    private void store(DocumentReference reference, DocumentAccessPolicy.Parties parties, String uploadedBy,
                       StagedContent staged) {
        Instant now = clock.instant();
        records.insertPending(new StoredDocument(reference.id(), StoredDocument.State.PENDING, reference,
                parties.requestingCenter(), parties.handlingCenter(), uploadedBy, now,
                now.plus(properties.pendingTimeout())));
        boolean stored = false;
        try {
            store.put(reference.id(), staged, reference.mediaType());
            Instant retainUntil = now.atOffset(ZoneOffset.UTC).plus(properties.retentionOf(reference.materialKind()))
                    .toInstant();
            stored = records.markStored(reference.id(), retainUntil);
            if (!stored) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_STORE_UNAVAILABLE",
                        "the upload took longer than " + properties.pendingTimeout() + " and was abandoned; send it again",
                        List.of());
            }
        } catch (ContentStoreException e) {
            log.error("document {} could not be stored; nothing of it is kept", reference.id(), e);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_STORE_UNAVAILABLE",
                    "the document store failed; nothing was kept, send it again", List.of());
        } finally {
            if (!stored) {
                undo(reference.id());
            }
        }
    }

    private void undo(String id) {
        try {
            store.delete(id);
            records.remove(id);
        } catch (RuntimeException e) {
            log.error("could not undo the failed upload of document {}; the retention purge removes it", id, e);
        }
    }

    /** The reference of a stored document, for a reader the policy allows. */
    public DocumentReference reference(DocumentAccessPolicy.Requester requester, String id) {
        StoredDocument document = storedDocument(id);
        allowRead(requester, document, DocumentAccess.REFERENCE);
        auditRead(requester, document, DocumentAccess.REFERENCE, true, "");
        return document.reference();
    }

    /**
     * The verified content of a document, for a reader the policy allows; the read is in the audit log before a
     * byte is served. The caller serves and then closes the staged content.
     */
    public Served read(DocumentAccessPolicy.Requester requester, String id) {
        StoredDocument document = storedDocument(id);
        allowRead(requester, document, DocumentAccess.CONTENT);
        DocumentReference reference = document.reference();
        Digests recorded = new Digests(reference.sm3(), reference.sha256(), reference.size());
        VerifiedRead.Outcome outcome;
        try {
            outcome = VerifiedRead.read(store, id, recorded);
        } catch (ContentStoreException e) {
            log.error("document {} could not be read from the store", id, e);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_STORE_UNAVAILABLE",
                    "the document store cannot be read now; try again", List.of());
        }
        if (outcome instanceof VerifiedRead.Intact intact) {
            try {
                auditRead(requester, document, DocumentAccess.CONTENT, true, "");
            } catch (RuntimeException e) {
                intact.content().close();
                throw e;
            }
            return new Served(reference, intact.content());
        }
        if (outcome instanceof VerifiedRead.Corrupted corrupted) {
            log.error("document {} is corrupted in the {} store: recorded SM3 {}, found {}; refusing to serve it", id,
                    store.backend(), reference.sm3(), corrupted.found() == null ? "longer content" : corrupted.found().sm3());
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "DOCUMENT_CORRUPTED", "the stored content of"
                    + " document " + id + " no longer matches its SM3 digest and is not served; operators have been"
                    + " alerted", List.of());
        }
        log.error("document {} has a record but no content in the {} store", id, store.backend());
        throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "DOCUMENT_CONTENT_MISSING",
                "the content of document " + id + " is missing from the store; operators have been alerted", List.of());
    }

    /** Verified content with its reference. */
    public record Served(DocumentReference reference, StagedContent content) {
    }

    private StoredDocument storedDocument(String id) {
        return records.find(id)
                .filter(document -> document.state() == StoredDocument.State.STORED)
                .filter(document -> document.retainUntil() == null || document.retainUntil().isAfter(clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_DOCUMENT", "no document " + id));
    }

    private void allowRead(DocumentAccessPolicy.Requester requester, StoredDocument document, String part) {
        DocumentAccessPolicy.Decision decision = DocumentAccessPolicy.mayRead(requester,
                new DocumentAccessPolicy.Parties(document.requestingCenter(), document.handlingCenter()));
        if (decision instanceof DocumentAccessPolicy.Refused refused) {
            auditRead(requester, document, part, false, refused.code());
            throw ApiProblem.forbidden(refused.code(), refused.reason());
        }
    }

    private void auditRead(DocumentAccessPolicy.Requester requester, StoredDocument document, String part,
                           boolean granted, String reason) {
        audit.append(new DocumentAccess("read-" + UUID.randomUUID(), document.id(), part,
                document.reference().caseId().value(), document.reference().sm3(), requester.subject(),
                requester.centerText(), granted, reason, clock.instant()));
    }

    private static boolean isCaseId(String text) {
        try {
            CaseId.of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
