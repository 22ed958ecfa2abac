package cn.tongban.contracts.coinvestigation;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;

/** The asking center received the answer and closed the co-investigation (协查办结). */
public record CoinvestigationClosed(CaseId caseId, CenterCode requestingCenter, Instant closedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("coinvestigation", "closed", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
