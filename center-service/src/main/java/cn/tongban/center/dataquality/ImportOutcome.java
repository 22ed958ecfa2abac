package cn.tongban.center.dataquality;

import java.util.Objects;

/** What became of an uploaded file: a batch imported row by row, or the whole file refused. */
public sealed interface ImportOutcome permits ImportOutcome.Completed, ImportOutcome.FileRefused {

    /** The file was read; its report says what became of each row. */
    record Completed(BatchReport report) implements ImportOutcome {
        public Completed {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Nothing was imported: the file is not a CSV file of either format.
     *
     * @param code {@code NOT_CSV} or {@code MISSING_COLUMNS}
     */
    record FileRefused(String code, String detail) implements ImportOutcome {
        public FileRefused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
