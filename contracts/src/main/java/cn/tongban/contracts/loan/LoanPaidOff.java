package cn.tongban.contracts.loan;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A center's provident-fund loan was repaid in full before its term (提前还清, item 08) and is settled (结清): the
 * bank settled the payoff debit and the loan's ledger holds the repayment. For the operations dashboards, on
 * {@code tongban.platform.events}; it carries no personal data (no identity number, name or account number).
 * Not a case: {@code caseId} is the event's serial number, taken from the center's case sequence so that the
 * envelope's subject and record key keep their form.
 *
 * @param contractNumber the loan contract number (借款合同编号)
 * @param payoffInstruction the bank debit that paid it off ({@code PO-<contract>}); also the loan entry's serial number
 * @param amount what was debited: outstanding principal, interest due and interest accrued to the day
 * @param repaidOn the day the loan was settled (结清日期)
 */
public record LoanPaidOff(CaseId caseId, CenterCode center, String contractNumber, String payoffInstruction,
                          Money amount, LocalDate repaidOn, Instant paidOffAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("loan", "paid-off", 1);

    public LoanPaidOff {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(center, "center");
        if (contractNumber == null || contractNumber.isBlank()) {
            throw new IllegalArgumentException("a paid-off loan names its contract");
        }
        if (payoffInstruction == null || payoffInstruction.isBlank()) {
            throw new IllegalArgumentException("a paid-off loan names the debit that paid it off");
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a payoff is a positive amount: " + amount);
        }
        Objects.requireNonNull(repaidOn, "repaidOn");
        Objects.requireNonNull(paidOffAt, "paidOffAt");
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
