package cn.tongban.contracts.coinvestigation;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * The investigating center's answer (协查结果).
 *
 * @param confirmed whether the fact asked about holds; {@code null} when it could not be established
 * @param finding what was found, in words
 */
public record CoinvestigationAnswered(CaseId caseId, CenterCode investigatingCenter, Boolean confirmed, String finding,
                                      String answeredBy, Instant answeredAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("coinvestigation", "answered", 1);

    public CoinvestigationAnswered {
        Objects.requireNonNull(caseId, "caseId");
        if (finding == null || finding.isBlank()) {
            throw new IllegalArgumentException("an answer says what was found");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
