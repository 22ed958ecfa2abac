package cn.tongban.center.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What became of an archive batch (导入报告): every manifest row and every uploaded file is in exactly one of
 * {@code archived}, {@code alreadyArchived} or {@code problems}.
 *
 * @param rows data rows of the manifest (malformed ones included)
 * @param files files uploaded with it
 * @param problems what could not be archived and why, in manifest order, then files no row names
 * @param byIssue how many problems of each kind
 */
public record ArchiveReport(String batchId, String importedBy, Instant startedAt, Instant finishedAt, int rows,
                            int files, List<Archived> archived, List<Archived> alreadyArchived, List<Problem> problems,
                            Map<ArchiveIssue, Long> byIssue) {

    /** A row whose scan is in the store, new or from an earlier batch. */
    public record Archived(int line, String file, String documentId, String accountNumber, String caseId, String sm3) {
    }

    /**
     * @param line the manifest line, or 0 for an uploaded file no row names
     */
    public record Problem(int line, String file, ArchiveIssue issue, String detail) {
    }
}
