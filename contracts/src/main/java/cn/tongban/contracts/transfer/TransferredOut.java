package cn.tongban.contracts.transfer;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The old center closed the account (外部转出销户) and the money reached the bank for the new center's settlement
 * account: the transfer-out information (转出信息) with the history.
 *
 * @param instructionId the bank instruction that moved the money, at most once ({@code TR-<contact letter>})
 * @param bankReference the bank's reference of the settled instruction
 */
public record TransferredOut(CaseId caseId, ContactLetterNumber contactLetter, CenterCode oldCenter,
                             TransferOutFacts facts, List<TransferredEntry> history, String instructionId,
                             String bankReference, Instant transferredAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("transfer", "transferred-out", 1);

    public TransferredOut {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(contactLetter, "contactLetter");
        Objects.requireNonNull(facts, "facts");
        history = history == null ? List.of() : List.copyOf(history);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
