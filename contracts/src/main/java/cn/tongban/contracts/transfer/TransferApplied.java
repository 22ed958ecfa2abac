package cn.tongban.contracts.transfer;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * Transfer-in application (转入申请) with its contact letter: the new center asks the old one to close the person's
 * account there and send balance and history.
 *
 * @param newAccountNumber the person's account at the new center that will be credited
 * @param oldAccountNumber the account at the old center when the person knows it, else {@code null} (looked up by
 *        identity number)
 * @param receivingBankAccount the new center's settlement account (资金结算账户) the money is paid into
 * @param receivingAccountName the holder's name of that account, as the bank checks it
 * @param clerk the new center's staff member who received the person
 */
public record TransferApplied(CaseId caseId, ContactLetterNumber contactLetter, CenterCode newCenter,
                              CenterCode oldCenter, Applicant applicant, String newAccountNumber,
                              String oldAccountNumber, String receivingBankAccount, String receivingAccountName,
                              String clerk, Instant appliedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("transfer", "applied", 1);

    public TransferApplied {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(contactLetter, "contactLetter");
        Objects.requireNonNull(newCenter, "newCenter");
        Objects.requireNonNull(oldCenter, "oldCenter");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(newAccountNumber, "newAccountNumber");
        Objects.requireNonNull(receivingBankAccount, "receivingBankAccount");
        if (!contactLetter.issuer().equals(newCenter)) {
            throw new IllegalArgumentException("contact letter " + contactLetter + " was not issued by " + newCenter);
        }
        if (newCenter.equals(oldCenter)) {
            throw new IllegalArgumentException("a transfer between centers goes to another center");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
