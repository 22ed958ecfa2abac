package cn.tongban.center.dataquality;

import java.util.List;
import java.util.stream.Stream;

/** What the data-quality report reads: the center's stored records and its import batches. */
public interface StoredRecords {

    /** Every personal account, ordered by identity number (a person's accounts one after the other); close it. */
    Stream<StoredAccount> accountsByIdentityNumber();

    /** Every employer; close it. */
    Stream<StoredEmployer> employers();

    /** The latest import batches, newest first. */
    List<BatchReport> recentBatches(int count);
}
