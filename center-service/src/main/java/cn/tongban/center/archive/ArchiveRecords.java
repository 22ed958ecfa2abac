package cn.tongban.center.archive;

import java.util.Optional;

/** Where archived scans and batch reports are recorded (the center's MongoDB in production). */
public interface ArchiveRecords {

    void insert(ArchivedDocument document);

    /** A scan already archived with this SM3 and the same link, if any: a batch imported again does not double. */
    Optional<ArchivedDocument> findSame(String sm3, ArchiveLink link);

    void saveReport(ArchiveReport report);
}
