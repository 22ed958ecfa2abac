package cn.tongban.center.archive;

import cn.tongban.center.archive.ArchiveManifest.Column;
import cn.tongban.center.archive.ArchiveManifest.Row;
import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.ContentStoreException;
import cn.tongban.kit.document.ContentTooLargeException;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.Sniffed;
import cn.tongban.kit.document.StagedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports one archive batch (档案批量导入): reads the manifest, and for each row checks it, links it
 * ({@link ArchiveLinkPolicy}), stages the named file while computing its digests, recognises its type by content,
 * compares its SM3 with the row's, and stores it — content in the center's content store, record beside it. A row
 * that fails any step is reported with its reason and leaves nothing in the store; the rest of the batch goes on.
 * Uploaded files that no row names are reported too. Plain Java.
 */
public final class ArchiveImport {

    /** A file of the batch, opened on demand. */
    public record ArchiveFile(String name, Opener opener) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The manifest cannot be read at all: the batch is refused as a whole and nothing is stored. */
    public static class UnreadableManifest extends RuntimeException {
        public UnreadableManifest(String why) {
            super(why);
        }
    }

    private final ArchiveTargets targets;
    private final ArchiveRecords records;
    private final ContentStore store;
    private final Clock clock;
    private final long maxFileBytes;

    public ArchiveImport(ArchiveTargets targets, ArchiveRecords records, ContentStore store, Clock clock,
                         long maxFileBytes) {
        this.targets = targets;
        this.records = records;
        this.store = store;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Imports a batch and saves its report.
     *
     * @throws UnreadableManifest if the manifest is not a CSV with a file and an sm3 column
     */
    public ArchiveReport run(String batchId, String importedBy, byte[] manifest, List<ArchiveFile> files) {
        Instant startedAt = clock.instant();
        ArchiveManifest.Parsed parsed = ArchiveManifest.parse(manifest);
        if (parsed instanceof ArchiveManifest.Unreadable unreadable) {
            throw new UnreadableManifest(unreadable.why());
        }
        List<Row> rows = ((ArchiveManifest.Readable) parsed).rows();
        Map<String, List<ArchiveFile>> byName = new LinkedHashMap<>();
        for (ArchiveFile file : files) {
            byName.computeIfAbsent(file.name(), name -> new ArrayList<>()).add(file);
        }
        Batch batch = new Batch(batchId, importedBy);
        Set<String> named = new HashSet<>();
        for (Row row : rows) {
            String fileName = row.value(Column.FILE);
            if (!named.add(fileName) && !fileName.isEmpty()) {
                batch.problem(row, ArchiveIssue.DUPLICATE_ROW, "an earlier row already names " + fileName);
                continue;
            }
            importRow(batch, row, byName.getOrDefault(fileName, List.of()));
        }
        for (String name : byName.keySet()) {
            if (!named.contains(name)) {
                for (int i = 0; i < byName.get(name).size(); i++) {
                    batch.problems.add(new ArchiveReport.Problem(0, name, ArchiveIssue.FILE_NOT_IN_MANIFEST,
                            "no row of the manifest names this file"));
                }
            }
        }
        Map<ArchiveIssue, Long> byIssue = new EnumMap<>(ArchiveIssue.class);
        batch.problems.forEach(problem -> byIssue.merge(problem.issue(), 1L, Long::sum));
        ArchiveReport report = new ArchiveReport(batchId, importedBy, startedAt, clock.instant(), rows.size(),
                files.size(), List.copyOf(batch.archived), List.copyOf(batch.already), List.copyOf(batch.problems),
                Map.copyOf(byIssue));
        records.saveReport(report);
        return report;
    }

    private void importRow(Batch batch, Row row, List<ArchiveFile> candidates) {
        if (row.malformation() != null) {
            batch.problem(row, ArchiveIssue.MALFORMED_ROW, row.malformation());
            return;
        }
        String fileName = row.value(Column.FILE);
        if (fileName.isEmpty()) {
            batch.problem(row, ArchiveIssue.MISSING_FILE_NAME, "the row names no file");
            return;
        }
        String sm3 = row.value(Column.SM3);
        if (!Digests.isHexDigest(sm3)) {
            batch.problem(row, ArchiveIssue.BAD_DIGEST_FORMAT, "the SM3 of the row is not 64 hex digits");
            return;
        }
        Optional<MaterialKind> kind = materialKind(row.value(Column.MATERIAL_KIND));
        if (kind.isEmpty()) {
            batch.problem(row, ArchiveIssue.UNKNOWN_MATERIAL_KIND, "material kind " + row.value(Column.MATERIAL_KIND)
                    + " is none of " + List.of(MaterialKind.values()));
            return;
        }
        ArchiveLinkPolicy.Decision decision = ArchiveLinkPolicy.link(row.value(Column.ACCOUNT_NUMBER),
                row.value(Column.IDENTITY_NUMBER).toUpperCase(Locale.ROOT), row.value(Column.CASE_ID), targets);
        if (decision instanceof ArchiveLinkPolicy.Unlinked unlinked) {
            batch.problem(row, unlinked.issue(), unlinked.detail());
            return;
        }
        ArchiveLink link = ((ArchiveLinkPolicy.Linked) decision).link();
        if (candidates.isEmpty()) {
            batch.problem(row, ArchiveIssue.FILE_NOT_UPLOADED, "no file named " + fileName + " came with the batch");
            return;
        }
        if (candidates.size() > 1) {
            batch.problem(row, ArchiveIssue.AMBIGUOUS_FILE, candidates.size() + " uploaded files are named " + fileName);
            return;
        }
        try (StagedContent staged = stage(candidates.get(0))) {
            Sniffed sniffed = staged.sniff();
            if (sniffed instanceof Sniffed.Refused refused) {
                batch.problem(row, ArchiveIssue.UNSUPPORTED_TYPE, "the file is " + refused.reason());
                return;
            }
            if (!staged.digests().sm3().equals(sm3.toLowerCase(Locale.ROOT))) {
                batch.problem(row, ArchiveIssue.DIGEST_MISMATCH, "the file's SM3 is " + staged.digests().sm3()
                        + ", the row says " + sm3.toLowerCase(Locale.ROOT));
                return;
            }
            Optional<ArchivedDocument> same = records.findSame(staged.digests().sm3(), link);
            if (same.isPresent()) {
                batch.already.add(archived(row, same.get()));
                return;
            }
            String type = ((Sniffed.Recognised) sniffed).type().mediaType();
            ArchivedDocument document = new ArchivedDocument("a-" + UUID.randomUUID(), batch.id, fileName, row.line(),
                    staged.digests().sm3(), staged.digests().sha256(), staged.size(), type, kind.get(),
                    link.accountNumber(), link.caseId(), row.value(Column.TITLE), batch.importedBy, clock.instant());
            store(document, staged);
            batch.archived.add(archived(row, document));
        } catch (ContentTooLargeException e) {
            batch.problem(row, ArchiveIssue.FILE_TOO_LARGE, "the file is larger than " + maxFileBytes + " bytes");
        } catch (ContentStoreException | UncheckedIOException e) {
            batch.problem(row, ArchiveIssue.STORE_FAILED, "the file could not be read or stored (" + e.getMessage()
                    + "); nothing of it was kept, import the row again");
        }
    }

    private StagedContent stage(ArchiveFile file) {
        try (InputStream in = file.opener().open()) {
            return StagedContent.stage(in, maxFileBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name(), e);
        }
    }

    /** Content, then record; if the record cannot be written the content goes again. */
    private void store(ArchivedDocument document, StagedContent staged) {
        store.put(document.id(), staged, document.mediaType());
        try {
            records.insert(document);
        } catch (RuntimeException e) {
            store.delete(document.id());
            throw new ContentStoreException("the record of " + document.fileName() + " could not be written", e);
        }
    }

    private static Optional<MaterialKind> materialKind(String text) {
        if (text.isEmpty()) {
            return Optional.of(MaterialKind.ARCHIVE_SCAN);
        }
        try {
            return Optional.of(MaterialKind.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ArchiveReport.Archived archived(Row row, ArchivedDocument document) {
        return new ArchiveReport.Archived(row.line(), row.value(Column.FILE), document.id(), document.accountNumber(),
                document.caseId(), document.sm3());
    }

    /** The running tally of one batch. */
    private static final class Batch {
        final String id;
        final String importedBy;
        final List<ArchiveReport.Archived> archived = new ArrayList<>();
        final List<ArchiveReport.Archived> already = new ArrayList<>();
        final List<ArchiveReport.Problem> problems = new ArrayList<>();

        Batch(String id, String importedBy) {
            this.id = id;
            this.importedBy = importedBy;
        }

        void problem(Row row, ArchiveIssue issue, String detail) {
            problems.add(new ArchiveReport.Problem(row.line(), row.value(Column.FILE), issue, detail));
        }
    }
}
