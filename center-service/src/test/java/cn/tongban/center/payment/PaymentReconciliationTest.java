package cn.tongban.center.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.center.department.BankPaymentStatus;
import cn.tongban.center.department.BankStatement;
import cn.tongban.center.department.InstructionId;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day's withdrawals in the ledger, the instructions and the bank's statement, compared (银行对账). */
class PaymentReconciliationTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant DURING_THE_DAY = Instant.parse("2026-11-25T02:00:00Z");

    final List<PaymentInstruction> instructions = new ArrayList<>();
    final List<LedgerEntry> ledger = new ArrayList<>();
    final List<BankStatement.Line> statement = new ArrayList<>();

    // ---- test data -----------------------------------------------------------------------------------------------

    PaymentReconciliationTest instruction(String id, PaymentState state, String yuan) {
        instructions.add(new PaymentInstruction(id, id.substring(3), "110000000123", "6217000010001234567", "张三",
                Money.parse(yuan), state, 1, "BR" + id, null, null, DURING_THE_DAY, DURING_THE_DAY,
                state == PaymentState.SETTLED ? DURING_THE_DAY : null, List.of()));
        return this;
    }

    PaymentReconciliationTest booked(String serial, String yuan) {
        ledger.add(LedgerEntry.debit(serial, DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse(yuan)));
        return this;
    }

    PaymentReconciliationTest paid(String id, String yuan) {
        statement.add(new BankStatement.Line(InstructionId.of(id), "BR" + id, Money.parse(yuan), BankPaymentStatus.SETTLED,
                DURING_THE_DAY));
        return this;
    }

    PaymentReconciliationTest returned(String id, String yuan) {
        statement.add(new BankStatement.Line(InstructionId.of(id), "BR" + id, Money.parse(yuan), BankPaymentStatus.RETURNED,
                DURING_THE_DAY));
        return this;
    }

    PaymentReconciliationTest paidInFull(String id, String yuan) {
        return instruction(id, PaymentState.SETTLED, yuan).booked(id, yuan).paid(id, yuan);
    }

    List<PaymentMismatch> reconcile() {
        return PaymentReconciliation.reconcile(DAY, instructions, ledger, new BankStatement(DAY, statement), CHINA);
    }

    static final String A = "WD-110000-20261125-000001";
    static final String B = "WD-110000-20261125-000002";

    // ---- what it finds -------------------------------------------------------------------------------------------

    @Test
    void aDayWhereAllThreeAgreeHasNoMismatch() {
        paidInFull(A, "52000.00").paidInFull(B, "1000.00");

        assertThat(reconcile()).isEmpty();
    }

    @Test
    void paidAtTheBankButNotInTheLedger() {
        paidInFull(A, "52000.00").instruction(B, PaymentState.SETTLED, "1000.00").paid(B, "1000.00");

        assertThat(reconcile()).containsExactly(new PaymentMismatch(B, PaymentMismatch.Kind.PAID_NOT_IN_LEDGER, null,
                Money.parse("1000.00"), PaymentState.SETTLED, "银行已支付 1000.00 元，明细账无此笔提取"));
    }

    @Test
    void inTheLedgerButNotPaidAtTheBank() {
        paidInFull(A, "52000.00").instruction(B, PaymentState.UNKNOWN, "1000.00").booked(B, "1000.00");

        assertThat(reconcile()).extracting(PaymentMismatch::instructionId, PaymentMismatch::kind)
                .containsExactly(tuple(B, PaymentMismatch.Kind.IN_LEDGER_NOT_PAID));
    }

    @Test
    void theAmountsDiffer() {
        instruction(A, PaymentState.SETTLED, "52000.00").booked(A, "52000.00").paid(A, "5200.00");

        assertThat(reconcile()).containsExactly(new PaymentMismatch(A, PaymentMismatch.Kind.AMOUNT_DIFFERS,
                Money.parse("52000.00"), Money.parse("5200.00"), PaymentState.SETTLED, "明细账记 52000.00 元，银行支付 5200.00 元"));
    }

    @Test
    void aReturnedPaymentIsNotPaid() {
        instruction(A, PaymentState.SETTLED, "52000.00").booked(A, "52000.00").returned(A, "52000.00");

        assertThat(reconcile()).extracting(PaymentMismatch::kind)
                .containsExactly(PaymentMismatch.Kind.IN_LEDGER_NOT_PAID, PaymentMismatch.Kind.STATE_DIFFERS);
    }

    @Test
    void aWithdrawalReversedInTheLedgerIsNotBooked() {
        instruction(A, PaymentState.FAILED, "52000.00").booked(A, "52000.00");
        ledger.add(LedgerEntry.reversalOf(ledger.get(0), "CZ-" + A, DAY));

        assertThat(reconcile()).isEmpty();
    }

    @Test
    void anInstructionPaidTwiceByTheBank() {
        paidInFull(A, "52000.00").paid(A, "52000.00");

        assertThat(reconcile()).extracting(PaymentMismatch::kind)
                .containsExactly(PaymentMismatch.Kind.AMOUNT_DIFFERS, PaymentMismatch.Kind.PAID_TWICE);
    }

    @Test
    void aPaymentTheCenterNeverInstructed() {
        paid(A, "52000.00");

        assertThat(reconcile()).extracting(PaymentMismatch::kind)
                .containsExactly(PaymentMismatch.Kind.PAID_NOT_IN_LEDGER, PaymentMismatch.Kind.NOT_RECORDED);
    }

    @Test
    void paidAtTheBankWhileTheCenterStillHoldsTheOutcomeUnknown() {
        instruction(A, PaymentState.UNKNOWN, "52000.00").booked(A, "52000.00").paid(A, "52000.00");

        assertThat(reconcile()).containsExactly(new PaymentMismatch(A, PaymentMismatch.Kind.STATE_DIFFERS,
                Money.parse("52000.00"), Money.parse("52000.00"), PaymentState.UNKNOWN, "银行已支付，中心指令状态为结果未明"));
    }

    @Test
    void settledAtTheCenterOnTheDayButNotOnTheStatement() {
        instruction(A, PaymentState.SETTLED, "52000.00");

        assertThat(reconcile()).extracting(PaymentMismatch::kind).containsExactly(PaymentMismatch.Kind.STATE_DIFFERS);
    }

    @Test
    void entriesThatAreNotBankPaymentsOfWithdrawalsAreLeftOut() {
        ledger.add(LedgerEntry.debit("LOAN-000001", DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse("800.00")));
        ledger.add(LedgerEntry.credit("WD-110000-20261125-000009", DAY, BusinessType.REMITTANCE, Money.parse("800.00")));

        assertThat(reconcile()).isEmpty();
    }

    @Test
    void mismatchesComeByInstructionId() {
        booked(B, "1.00").booked(A, "2.00");

        assertThat(reconcile()).extracting(PaymentMismatch::instructionId).containsExactly(A, B);
    }
}
