package cn.tongban.center.archive;

import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Archived scans ({@code archive_documents}) and batch reports ({@code archive_batches}) in the center's database. */
@Repository
class ArchiveStore implements ArchiveRecords {

    static final String DOCUMENTS = "archive_documents";
    static final String BATCHES = "archive_batches";

    private final MongoOperations mongo;

    ArchiveStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(DOCUMENTS).createIndex(new Index().on("sm3", Sort.Direction.ASC).named("sm3"));
        mongo.indexOps(DOCUMENTS).createIndex(new Index().on("accountNumber", Sort.Direction.ASC).named("account"));
    }

    @Override
    public void insert(ArchivedDocument document) {
        mongo.insert(document, DOCUMENTS);
    }

    @Override
    public Optional<ArchivedDocument> findSame(String sm3, ArchiveLink link) {
        return mongo.find(Query.query(Criteria.where("sm3").is(sm3)), ArchivedDocument.class, DOCUMENTS).stream()
                .filter(document -> java.util.Objects.equals(document.accountNumber(), link.accountNumber())
                        && java.util.Objects.equals(document.caseId(), link.caseId()))
                .findFirst();
    }

    @Override
    public void saveReport(ArchiveReport report) {
        mongo.save(new StoredReport(report.batchId(), report), BATCHES);
    }

    Optional<ArchiveReport> report(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, StoredReport.class, BATCHES)).map(StoredReport::report);
    }

    Optional<ArchivedDocument> document(String id) {
        return Optional.ofNullable(mongo.findById(id, ArchivedDocument.class, DOCUMENTS));
    }

    /** The report under its batch id. */
    record StoredReport(String id, ArchiveReport report) {
    }
}
