package cn.tongban.contracts.federatedquery;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A center published a batch of its holder index (账户持有人索引) to the platform: keyed hashes of the identity
 * numbers of its account holders, never the numbers. The first publication carries every holder, later ones only
 * the accounts opened or closed since; at most {@value #MAX_ENTRIES} lines per event, so a center of a million
 * accounts publishes a thousand events. Not a case: {@code caseId} is the publication's serial number, taken from
 * the center's case sequence so that the envelope's subject and record key keep their form.
 */
public record AccountIndexPublished(CaseId caseId, CenterCode center, List<IndexEntry> entries, Instant publishedAt)
        implements CaseEvent {

    public static final EventType TYPE = new EventType("federated-query", "index-published", 1);
    /** The most lines one event carries (about 110 kB of JSON). */
    public static final int MAX_ENTRIES = 1_000;

    public AccountIndexPublished {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(center, "center");
        entries = entries == null ? List.of() : List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("an index publication carries 1 to " + MAX_ENTRIES + " lines, not "
                    + entries.size());
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
