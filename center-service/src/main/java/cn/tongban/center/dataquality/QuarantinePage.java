package cn.tongban.center.dataquality;

import java.util.List;

/**
 * One page of a batch's quarantined rows (隔离数据), in file order.
 *
 * @param total quarantined rows of the batch in all
 */
public record QuarantinePage(BatchId batchId, int page, int size, long total, List<QuarantinedRow> rows) {

    public QuarantinePage {
        rows = List.copyOf(rows);
    }
}
