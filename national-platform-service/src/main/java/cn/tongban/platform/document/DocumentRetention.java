package cn.tongban.platform.document;

import cn.tongban.kit.document.ContentStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes documents whose time is up (保存期限): stored ones past the retention of their material kind, and
 * uploads abandoned half-way (pending past {@code pending-timeout}). Content first, then the record, so a crash
 * in between leaves a record the next run removes again; safe to run on several replicas at once.
 */
public class DocumentRetention {

    private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

    private final DocumentRecords records;
    private final ContentStore store;
    private final Clock clock;
    private final int batch;

    public DocumentRetention(DocumentRecords records, ContentStore store, Clock clock, int batch) {
        this.records = records;
        this.store = store;
        this.clock = clock;
        this.batch = batch;
    }

    /** One run: removes up to one batch; returns how many documents were removed. */
    public int purgeOnce() {
        List<StoredDocument> due = records.dueForRemoval(clock.instant(), batch);
        int removed = 0;
        for (StoredDocument document : due) {
            try {
                store.delete(document.id());
                records.remove(document.id());
                removed++;
                log.info("document {} ({}, case {}) removed: {}", document.id(), document.reference().materialKind(),
                        document.reference().caseId(), document.state() == StoredDocument.State.PENDING
                                ? "upload abandoned" : "retention ended " + document.retainUntil());
            } catch (RuntimeException e) {
                log.warn("document {} could not be removed now; the next run tries again: {}", document.id(), e.toString());
            }
        }
        return removed;
    }
}
