package cn.tongban.center.dataquality;

import java.util.List;
import java.util.Objects;

/**
 * A row of an import file that was not imported (隔离数据), kept as it was written with every reason found, so that
 * it can be corrected in the old system or the file and imported again.
 *
 * @param line the physical line (1-based) the row starts on
 * @param raw the row's text as it stands in the file
 * @param reasons every issue found, the refusals and any warnings besides
 */
public record QuarantinedRow(BatchId batchId, int line, String raw, List<Finding> reasons) {

    public QuarantinedRow {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(raw, "raw");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a row is quarantined for a reason");
        }
    }
}
