package cn.tongban.center.transfer;

import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import cn.tongban.contracts.transfer.TransferOutFacts;
import cn.tongban.contracts.transfer.TransferredEntry;
import java.time.Instant;
import java.util.List;

/**
 * A transfer case (转移接续业务) as this center keeps it, in the cases collection beside the other cross-center cases
 * so that the common steps (delivery, acceptance, refusal, deadline notices) move it the same way.
 *
 * @param requestingCenter the new center (转入地), which issued the contact letter
 * @param handlingCenter the old center (转出地)
 * @param contactLetter the contact-letter number (联系函编号)
 * @param fraudRecorded what the old center's reviewer recorded on acceptance (骗提骗贷)
 * @param facts the transfer-out facts, once the old center closed the account
 * @param transferredHistory the old ledger, at the new center once it arrived
 * @param transferOpen at the old center: accepted and the money not yet settled (taken up by the sweep)
 * @param failed the bank refused the money (失败办结); {@code problem} says why
 * @param creditedAmount what the new center credited: at the new center from its ledger, at the old center as reported
 */
public record TransferCase(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                           CenterCode handlingCenter, Applicant applicant, String clerk, CaseState state,
                           Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history, Rejection rejection,
                           Instant dueAt, Instant breachedAt, String kind, String contactLetter,
                           String newAccountNumber, String oldAccountNumber, String receivingBankAccount,
                           String receivingAccountName, boolean fraudRecorded, TransferOutFacts facts,
                           List<TransferredEntry> transferredHistory, String instructionId, String bankReference,
                           boolean transferOpen, boolean failed, String problem, Money creditedAmount) {

    /** The value of {@code kind} that marks a transfer among the cases. */
    public static final String KIND = "transfer";

    public TransferCase {
        history = history == null ? List.of() : List.copyOf(history);
        transferredHistory = transferredHistory == null ? List.of() : List.copyOf(transferredHistory);
    }

    public ContactLetterNumber letter() {
        return ContactLetterNumber.of(contactLetter);
    }

    public TransferStatus status() {
        return TransferStatus.of(state, failed);
    }

    /** Whether this center is the new one (转入地). */
    public boolean isNewCenter() {
        return side == CaseSide.REQUESTING;
    }
}
