package cn.tongban.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.event.CanonicalForm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Appending to the audit log: one gap-free chain, whoever appends, and checkpoints in batches. */
class AuditLogTest {

    final AuditFixture audit = new AuditFixture(10);

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void eachRecordFollowsThePreviousOneWithTheNextSequenceNumber() {
        List<AuditRecord> records = audit.append(3);

        assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).prevHash()).isEqualTo(records.get(1).hash());
        assertThat(records).allMatch(AuditRecord::selfConsistent);
        assertThat(records.get(1)).extracting(AuditRecord::eventId, AuditRecord::source, AuditRecord::destination,
                AuditRecord::origin, AuditRecord::time)
                .containsExactly("event-2", "/centers/110000", "310000", "", "2026-11-25T02:00:00.002Z");
        Document head = audit.mongo.findById(AuditLog.HEAD_ID, Document.class, AuditLog.HEAD);
        assertThat(head).containsEntry("seq", 3L).containsEntry("hash", records.get(2).hash());
    }

    @Test
    void aRedeliveredEventIsRecordedOnceButTheSameIdWithOtherContentIsRecordedAgain() {
        AuditRecord first = audit.log.append(AuditFixture.event(1));
        AuditRecord again = audit.log.append(AuditFixture.event(1));
        CanonicalForm forged = CanonicalForm.of("1.0", "event-1", "/centers/110000",
                "tongban.proxy.certificate-requested.v1", "110000-20261125-000001", AuditFixture.NOW, "application/json",
                "440100", null, "{}".getBytes(StandardCharsets.UTF_8));
        AuditRecord other = audit.log.append(forged);

        assertThat(again).isEqualTo(first);
        assertThat(other.seq()).isEqualTo(2);
        assertThat(audit.mongo.count(new Query(), AuditLog.RECORDS)).isEqualTo(2);
    }

    @Test
    void aBatchIsAppendedAsOneRunOfConsecutiveRecordsInItsOrder() {
        audit.append(2);

        List<AuditRecord> batch = audit.log.appendAll(List.of(AuditFixture.event(3), AuditFixture.event(4),
                AuditFixture.event(5)));

        assertThat(batch).extracting(AuditRecord::seq).containsExactly(3L, 4L, 5L);
        assertThat(batch).extracting(AuditRecord::eventId).containsExactly("event-3", "event-4", "event-5");
        assertThat(batch.get(1).prevHash()).isEqualTo(batch.get(0).hash());
        assertThat(audit.mongo.findById(AuditLog.HEAD_ID, Document.class, AuditLog.HEAD)).containsEntry("seq", 5L);
        assertThat(audit.verifier.verify().intact()).isTrue();
    }

    @Test
    void aRedeliveredBatchGetsTheRecordsItHasAndOnlyItsNewEventsAreAppended() {
        List<AuditRecord> first = audit.log.appendAll(List.of(AuditFixture.event(1), AuditFixture.event(2)));

        List<AuditRecord> again = audit.log.appendAll(List.of(AuditFixture.event(1), AuditFixture.event(3),
                AuditFixture.event(2), AuditFixture.event(3)));

        assertThat(again.get(0)).isEqualTo(first.get(0));
        assertThat(again.get(2)).isEqualTo(first.get(1));
        assertThat(again.get(1).seq()).isEqualTo(3);
        assertThat(again.get(3)).isEqualTo(again.get(1));
        assertThat(audit.mongo.count(new Query(), AuditLog.RECORDS)).isEqualTo(3);
        assertThat(audit.verifier.verify().intact()).isTrue();
    }

    @Test
    void anAppenderKilledBetweenMarkingAnEventAndWritingItsRecordLosesNothingAndDoublesNothing() {
        audit.append(3);
        // As if the appender of events 4 and 5 died after writing their markers (seq 4 and 5), before the records:
        audit.mongo.upsert(Query.query(Criteria.where("_id").is(key(AuditFixture.event(4)))), new Update().set("seq", 4L),
                AuditLog.APPENDED);
        audit.mongo.upsert(Query.query(Criteria.where("_id").is(key(AuditFixture.event(5)))), new Update().set("seq", 5L),
                AuditLog.APPENDED);
        // ... and another event took seq 4 meanwhile
        audit.log.append(AuditFixture.event(9));

        List<AuditRecord> redelivered = audit.log.appendAll(List.of(AuditFixture.event(4), AuditFixture.event(5)));

        assertThat(redelivered).extracting(AuditRecord::seq).containsExactly(5L, 6L);
        assertThat(audit.log.appendAll(List.of(AuditFixture.event(4), AuditFixture.event(5)))).isEqualTo(redelivered);
        assertThat(audit.mongo.count(new Query(), AuditLog.RECORDS)).isEqualTo(6);
        assertThat(audit.verifier.verify().intact()).isTrue();
    }

    private static String key(CanonicalForm event) {
        return event.id() + ":" + cn.tongban.kit.crypto.Sm3.hex(event.toBytes());
    }

    @Test
    void aCheckpointIsSignedAtEveryTenthRecordNotAtEachOne() {
        audit.append(25);

        List<Document> checkpoints = audit.mongo.find(new Query().with(Sort.by("_id")), Document.class,
                AuditCheckpointer.COLLECTION);
        assertThat(checkpoints).extracting(d -> d.get("_id")).containsExactly(10L, 20L);
        AuditCheckpoint at20 = AuditCheckpointer.fromDocument(checkpoints.get(1));
        Document record20 = audit.mongo.findById(20L, Document.class, AuditLog.RECORDS);
        assertThat(at20.hash()).isEqualTo(record20.getString("hash"));
        assertThat(audit.platformKey.verifier().verify(at20.signedBytes(), at20.signature())).isTrue();
    }

    @Test
    void theTimerSignsTheLatestRecordOnceAndOnlyWhenThereIsSomethingNew() {
        audit.append(13);

        assertThat(audit.checkpointer.checkpointLatest()).get().extracting(AuditCheckpoint::seq).isEqualTo(13L);
        assertThat(audit.checkpointer.checkpointLatest()).isEmpty();
        audit.log.append(AuditFixture.event(14));
        assertThat(audit.checkpointer.checkpointLatest()).get().extracting(AuditCheckpoint::seq).isEqualTo(14L);
        assertThat(audit.verifier.verify().lastCheckpointSeq()).isEqualTo(14);
    }

    @Test
    void aWriterThatCrashedBeforeMovingTheHeadIsRepairedByTheNextAppend() {
        List<AuditRecord> records = audit.append(5);
        // As if the appender of record 5 died between its insert and the head update:
        audit.mongo.updateFirst(Query.query(Criteria.where("_id").is(AuditLog.HEAD_ID)),
                new Update().set("seq", 4L).set("hash", records.get(3).hash()), AuditLog.HEAD);

        AuditRecord sixth = audit.log.append(AuditFixture.event(6));

        assertThat(sixth.seq()).isEqualTo(6);
        assertThat(sixth.prevHash()).isEqualTo(records.get(4).hash());
        assertThat(audit.verifier.verify().intact()).isTrue();
    }

    @Test
    void aLostHeadIsStartedAgainFromTheLastRecord() {
        List<AuditRecord> records = audit.append(5);
        audit.mongo.remove(new Query(), AuditLog.HEAD);

        AuditRecord sixth = audit.log.append(AuditFixture.event(6));

        assertThat(sixth.seq()).isEqualTo(6);
        assertThat(sixth.prevHash()).isEqualTo(records.get(4).hash());
        assertThat(audit.verifier.verify().intact()).isTrue();
    }

    @Test
    void twoReplicasAppendingAtOnceBuildOneGapFreeChain() throws Exception {
        AuditLog first = audit.replica();
        AuditLog second = audit.replica();
        int each = 60;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = pool.submit(appender(first, 0, each, start));
            Future<List<Long>> b = pool.submit(appender(second, 1000, each, start));
            start.countDown();
            List<Long> seqs = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
            seqs.addAll(b.get(60, TimeUnit.SECONDS));

            Set<Long> distinct = new TreeSet<>(seqs);
            assertThat(distinct).hasSize(2 * each);
            assertThat(distinct).first().isEqualTo(1L);
            assertThat(distinct).last().isEqualTo((long) 2 * each);
        } finally {
            pool.shutdownNow();
        }
        AuditReport report = audit.verifier.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(2 * each);
        assertThat(report.lastCheckpointSeq()).isEqualTo(2 * each);
        assertThat(audit.mongo.count(new Query(), AuditLog.RECORDS)).isEqualTo(2 * each);
        assertThat(audit.mongo.findById(AuditLog.HEAD_ID, Document.class, AuditLog.HEAD)).containsEntry("seq", 2L * each);
    }

    @Test
    void twoReplicasAppendingBatchesAtOnceBuildOneGapFreeChain() throws Exception {
        AuditLog first = audit.replica();
        AuditLog second = audit.replica();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = pool.submit(batchAppender(first, 0, start));
            Future<List<Long>> b = pool.submit(batchAppender(second, 1000, start));
            start.countDown();
            Set<Long> distinct = new TreeSet<>(a.get(60, TimeUnit.SECONDS));
            distinct.addAll(b.get(60, TimeUnit.SECONDS));
            assertThat(distinct).hasSize(120).first().isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
        AuditReport report = audit.verifier.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.records()).isEqualTo(120);
    }

    /** Twelve batches of five events. */
    private static Callable<List<Long>> batchAppender(AuditLog log, int offset, CountDownLatch start) {
        return () -> {
            start.await();
            List<Long> seqs = new ArrayList<>();
            for (int batch = 0; batch < 12; batch++) {
                List<CanonicalForm> events = new ArrayList<>();
                for (int n = 1; n <= 5; n++) {
                    events.add(AuditFixture.event(offset + batch * 5 + n));
                }
                log.appendAll(events).forEach(record -> seqs.add(record.seq()));
            }
            return seqs;
        };
    }

    private static Callable<List<Long>> appender(AuditLog log, int offset, int count, CountDownLatch start) {
        return () -> {
            start.await();
            List<Long> seqs = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                seqs.add(log.append(AuditFixture.event(offset + n)).seq());
            }
            return seqs;
        };
    }
}
