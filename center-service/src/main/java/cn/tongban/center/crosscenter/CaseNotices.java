package cn.tongban.center.crosscenter;

import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Notices about a case that do not move it: the platform's deadline warning and breach. They go into the
 * case's history and fields so that clerks and contact persons see them.
 */
@Service
class CaseNotices {

    private final OutboxWriter writer;
    private final Clock clock;

    CaseNotices(OutboxWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** @param fields pairs of field name and value to set on the case */
    void onNotice(ReceivedEvent received, String note, Object... fields) {
        Instant now = clock.instant();
        AtomicChange change = AtomicChange.of(CaseStore.COLLECTION, received.subject())
                .handling(received.id())
                .set("updatedAt", now);
        for (int i = 0; i < fields.length; i += 2) {
            change.set((String) fields[i], fields[i + 1]);
        }
        change.push("history", new CaseHistoryEntry(now, null, received.type(), "platform", note));
        Outcome outcome = writer.apply(change);
        if (outcome == Outcome.NOT_FOUND) {
            throw new MalformedEventException("UNKNOWN_CASE", "no case " + received.subject() + " here");
        }
    }
}
