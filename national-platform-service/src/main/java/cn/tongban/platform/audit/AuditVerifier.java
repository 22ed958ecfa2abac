package cn.tongban.platform.audit;

import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.crypto.Sm2Verifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Checks the audit log (审计日志核验) from its first record to its end: every record's hash against its fields,
 * every link to the record before, the sequence numbers for gaps and displacements, every checkpoint's SM2
 * signature against the platform's public key and against the record it pins, and the end of the log
 * against the chain head and the last checkpoint. It reads records and checkpoints as two cursors in
 * sequence order, so it needs little memory however long the log is, and it writes nothing.
 *
 * <p>It covers the log up to where the head, the last checkpoint and the last record stood when it began
 * ({@link AuditReport#verifiedUpTo()}); records appended while it runs are left for the next run.
 *
 * <p>What it cannot see: records after the last checkpoint that were rewritten together with the head
 * (hashes recomputed), or cut off together with the head. Only a checkpoint protects against whoever can
 * write to the database; {@link AuditReport#unsignedRecords()} says how many records are in that window.
 */
public class AuditVerifier {

    private final MongoOperations mongo;
    private final Sm2Verifier platformKey;
    private final String platformKeyFingerprint;
    private final int maxFindings;
    private final Clock clock;

    public AuditVerifier(MongoOperations mongo, Sm2Verifier platformKey, int maxFindings, Clock clock) {
        this.mongo = mongo;
        this.platformKey = platformKey;
        this.platformKeyFingerprint = Sm2Keys.fingerprint(platformKey.publicKey());
        this.maxFindings = maxFindings;
        this.clock = clock;
    }

    /** Verifies the whole log; never throws for what it finds, only for a database it cannot read. */
    public AuditReport verify() {
        Instant startedAt = clock.instant();
        Document headDocument = mongo.findById(AuditLog.HEAD_ID, Document.class, AuditLog.HEAD);
        long headSeq = headDocument == null ? 0 : numberOr(headDocument.get("seq"), 0);
        String headHash = headDocument == null ? AuditRecord.GENESIS : String.valueOf(headDocument.get("hash"));
        long lastCheckpointAtStart = lastId(AuditCheckpointer.COLLECTION);
        long bound = Math.max(Math.max(headSeq, lastCheckpointAtStart), lastId(AuditLog.RECORDS));

        Run run = new Run(headSeq, headHash);
        Query records = Query.query(Criteria.where("_id").lte(bound)).with(Sort.by(Sort.Direction.ASC, "_id"));
        Query checkpoints = Query.query(Criteria.where("_id").lte(bound)).with(Sort.by(Sort.Direction.ASC, "_id"));
        try (Stream<Document> recordStream = mongo.stream(records, Document.class, AuditLog.RECORDS);
             Stream<Document> checkpointStream = mongo.stream(checkpoints, Document.class, AuditCheckpointer.COLLECTION)) {
            run.checkpoints = new Peeking(checkpointStream.iterator());
            recordStream.forEach(run::record);
            run.checkpointsUpTo(Long.MAX_VALUE);
        }
        long reached = Math.max(headSeq, run.lastCheckpointSeq);
        if (reached > run.lastSeq) {
            run.find(run.lastSeq + 1, AuditFinding.Kind.TRUNCATED, "the log ends at seq " + run.lastSeq + " but "
                    + (headSeq >= run.lastCheckpointSeq ? "the chain head" : "a signed checkpoint") + " says it reached seq "
                    + reached + ": records " + (run.lastSeq + 1) + ".." + reached + " were cut off");
        }
        List<AuditFinding> findings = new ArrayList<>(run.findings);
        findings.sort(Comparator.comparingLong(AuditFinding::seq));
        return new AuditReport(run.findingCount == 0, run.records, run.lastSeq, run.lastHash, run.checkpointCount,
                run.lastCheckpointSeq, Math.max(0, run.lastSeq - run.lastCheckpointSeq), bound, startedAt, findings,
                run.findingCount);
    }

    private long lastId(String collection) {
        Document last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
                collection);
        return last == null ? 0 : numberOr(last.get("_id"), 0);
    }

    private static long numberOr(Object value, long otherwise) {
        return value instanceof Number number ? number.longValue() : otherwise;
    }

    /** The state of one verification as it walks the log. */
    private final class Run {

        final long headSeq;
        final String headHash;
        final List<AuditFinding> findings = new ArrayList<>();
        long findingCount;
        Peeking checkpoints;
        long expected = 1;
        String previousHash = AuditRecord.GENESIS;
        boolean linkKnown = true;
        long records;
        long lastSeq;
        String lastHash = AuditRecord.GENESIS;
        long checkpointCount;
        long lastCheckpointSeq;

        Run(long headSeq, String headHash) {
            this.headSeq = headSeq;
            this.headHash = headHash;
        }

        void record(Document document) {
            Object id = document.get("_id");
            if (!(id instanceof Number number)) {
                find(expected, AuditFinding.Kind.EDITED, "a record whose _id " + id + " is no sequence number");
                return;
            }
            long position = number.longValue();
            if (position < expected) {
                find(position, AuditFinding.Kind.REORDERED, "a record at position " + position + ", before seq 1");
                return;
            }
            checkpointsUpTo(position - 1);
            if (position > expected) {
                find(expected, AuditFinding.Kind.MISSING, position - expected == 1
                        ? "record " + expected + " is missing"
                        : "records " + expected + ".." + (position - 1) + " are missing");
                linkKnown = false;
            }
            AuditRecord record = AuditLog.fromDocument(document);
            if (record.seq() != position) {
                find(position, AuditFinding.Kind.REORDERED, "the record at position " + position
                        + " was chained as seq " + record.seq() + " (event " + record.eventId() + ")");
            } else if (!record.selfConsistent()) {
                find(position, AuditFinding.Kind.EDITED, "its hash is not the hash of its fields: event "
                        + record.eventId() + " was changed after it was recorded");
            } else if (linkKnown && !record.prevHash().equals(previousHash)) {
                find(position, AuditFinding.Kind.EDITED, "its previous hash is not the hash of record "
                        + (position - 1) + ": one of the two was replaced and its hash recomputed");
            }
            if (position == headSeq && !record.hash().equals(headHash)) {
                find(position, AuditFinding.Kind.EDITED, "the chain head holds another hash for it (" + headHash + ")");
            }
            if (checkpoints.peek() != null && checkpoints.peek().seq() == position) {
                checkpoint(checkpoints.next(), record);
            }
            records++;
            expected = position + 1;
            previousHash = record.hash();
            linkKnown = true;
            lastSeq = position;
            lastHash = record.hash();
        }

        /** Checkpoints at positions that have no record (those gaps are reported as missing or cut off). */
        void checkpointsUpTo(long seq) {
            while (checkpoints.peek() != null && checkpoints.peek().seq() <= seq) {
                checkpoint(checkpoints.next(), null);
            }
        }

        void checkpoint(AuditCheckpoint checkpoint, AuditRecord record) {
            checkpointCount++;
            if (!platformKey.verify(checkpoint.signedBytes(), checkpoint.signature())) {
                find(checkpoint.seq(), AuditFinding.Kind.BAD_CHECKPOINT, "the checkpoint's signature is not the platform's"
                        + " (platform key " + platformKeyFingerprint + ", the checkpoint names key " + checkpoint.key()
                        + "): its hash, time or signature was changed, or it was signed with another key");
                return;
            }
            lastCheckpointSeq = Math.max(lastCheckpointSeq, checkpoint.seq());
            if (record != null && !record.hash().equals(checkpoint.hash())) {
                find(checkpoint.seq(), AuditFinding.Kind.EDITED, "the signed checkpoint of " + checkpoint.time()
                        + " holds hash " + checkpoint.hash() + " for this record, which now has " + record.hash()
                        + ": the chain was rewritten up to here");
            }
        }

        void find(long seq, AuditFinding.Kind kind, String detail) {
            findingCount++;
            if (findings.size() < maxFindings) {
                findings.add(new AuditFinding(seq, kind, detail));
            }
        }
    }

    /** A checkpoint cursor that can look one ahead. */
    private static final class Peeking {

        private final Iterator<Document> documents;
        private AuditCheckpoint next;

        Peeking(Iterator<Document> documents) {
            this.documents = documents;
            advance();
        }

        AuditCheckpoint peek() {
            return next;
        }

        AuditCheckpoint next() {
            AuditCheckpoint current = next;
            advance();
            return current;
        }

        private void advance() {
            next = null;
            while (next == null && documents.hasNext()) {
                Document document = documents.next();
                if (document.get("_id") instanceof Number) {
                    next = AuditCheckpointer.fromDocument(document);
                }
            }
        }
    }
}
