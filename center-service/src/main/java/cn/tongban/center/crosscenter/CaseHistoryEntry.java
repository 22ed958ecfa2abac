package cn.tongban.center.crosscenter;

import cn.tongban.contracts.casefile.CaseState;
import java.time.Instant;

/**
 * One step of a case's history, as shown to clerks and applicants.
 *
 * @param event the event type that caused it, or the REST action
 * @param by the staff member, or the center that sent the event
 */
public record CaseHistoryEntry(Instant at, CaseState state, String event, String by, String note) {
}
