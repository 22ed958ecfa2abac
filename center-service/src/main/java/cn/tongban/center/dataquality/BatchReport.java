package cn.tongban.center.dataquality;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The report of one import batch (导入批次报告). Every data row read is either imported or quarantined:
 * {@code rowsRead == imported + quarantined}; rows of empty fields only ({@code ,,,,}) are not data and are counted
 * apart.
 *
 * @param status {@code RUNNING} while the batch is imported, then {@code COMPLETED}, or {@code FAILED} when the
 *               database failed on the way (what was imported and quarantined until then stays)
 * @param flaggedForReview imported rows that carry warnings to check by hand
 * @param reasonsByCode for each issue code, how many rows (imported or quarantined) carry it
 */
public record BatchReport(BatchId batchId, ImportFormat format, String fileName, String importedBy, Instant startedAt,
                          Instant finishedAt, Status status, long rowsRead, long imported, long quarantined,
                          long flaggedForReview, long blankRowsSkipped, Map<IssueCode, Long> reasonsByCode) {

    /** Where a batch stands. */
    public enum Status { RUNNING, COMPLETED, FAILED }

    public BatchReport {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        Map<IssueCode, Long> sorted = new EnumMap<>(IssueCode.class);
        sorted.putAll(reasonsByCode == null ? Map.of() : reasonsByCode);
        reasonsByCode = Collections.unmodifiableMap(sorted);
    }

    public static BatchReport started(BatchId batchId, ImportFormat format, String fileName, String importedBy,
                                      Instant startedAt) {
        return new BatchReport(batchId, format, fileName, importedBy, startedAt, null, Status.RUNNING, 0, 0, 0, 0, 0,
                Map.of());
    }

    public long count(IssueCode code) {
        return reasonsByCode.getOrDefault(code, 0L);
    }
}
