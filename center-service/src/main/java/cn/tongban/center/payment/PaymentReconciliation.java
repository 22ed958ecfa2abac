package cn.tongban.center.payment;

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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The daily reconciliation of withdrawal payments with the bank (银行对账): three records of one payment, keyed by its
 * instruction id, compared.
 * <ul>
 *   <li><b>Ledger against bank.</b> The ledger side is the withdrawal entries (部分提取 11, 销户提取 12) whose serial number
 *       is a withdrawal instruction id ({@code WD-…}), less their reversals among the entries given; an entry reversed
 *       in full counts as not booked. The bank side is the statement's settled lines; a returned line (退汇) counts as
 *       not paid. Found: paid but not booked, booked but not paid, different amounts.</li>
 *   <li><b>Statement on its own.</b> An instruction settled on more than one line: paid twice.</li>
 *   <li><b>Instructions against bank.</b> Paid at the bank under an id the center never recorded, or paid while the
 *       instruction is not settled at the center; and an instruction the center holds settled on the day that the
 *       statement does not show.</li>
 * </ul>
 * Plain Java: the caller brings the day's entries, the instructions concerned and the statement.
 */
public final class PaymentReconciliation {

    private PaymentReconciliation() {
    }

    /**
     * @param instructions the instructions named by the statement or the entries, and those settled on {@code day}
     * @param ledgerEntries the day's withdrawal entries and any reversals of them; other entries are left out
     * @param zone the zone whose calendar day the statement covers
     * @return the mismatches, by instruction id
     */
    public static List<PaymentMismatch> reconcile(LocalDate day, Collection<PaymentInstruction> instructions,
                                                  Collection<LedgerEntry> ledgerEntries, BankStatement statement,
                                                  ZoneId zone) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(ledgerEntries, "ledgerEntries");
        Objects.requireNonNull(statement, "statement");
        if (!statement.date().equals(day)) {
            throw new IllegalArgumentException("the statement of " + statement.date() + " does not reconcile " + day);
        }
        Map<String, Long> booked = booked(ledgerEntries);
        Map<String, Long> paid = new HashMap<>();
        Map<String, Integer> paidLines = new HashMap<>();
        for (BankStatement.Line line : statement.lines()) {
            if (line.status() == BankPaymentStatus.SETTLED) {
                paid.merge(line.instructionId().value(), line.amount().fen(), Long::sum);
                paidLines.merge(line.instructionId().value(), 1, Integer::sum);
            }
        }
        Map<String, PaymentInstruction> recorded = new HashMap<>();
        instructions.forEach(i -> recorded.put(i.id(), i));
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();

        TreeSet<String> ids = new TreeSet<>(booked.keySet());
        ids.addAll(paid.keySet());
        recorded.values().stream()
                .filter(i -> i.state() == PaymentState.SETTLED && i.settledAt() != null
                        && !i.settledAt().isBefore(dayStart) && i.settledAt().isBefore(dayEnd))
                .forEach(i -> ids.add(i.id()));

        List<PaymentMismatch> mismatches = new ArrayList<>();
        for (String id : ids) {
            Money ledger = booked.containsKey(id) ? Money.ofFen(booked.get(id)) : null;
            Money bank = paid.containsKey(id) ? Money.ofFen(paid.get(id)) : null;
            PaymentInstruction instruction = recorded.get(id);
            PaymentState state = instruction == null ? null : instruction.state();
            if (bank != null && ledger == null) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.PAID_NOT_IN_LEDGER, null, bank, state,
                        "银行已支付 " + bank + " 元，明细账无此笔提取"));
            } else if (bank == null && ledger != null) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.IN_LEDGER_NOT_PAID, ledger, null, state,
                        "明细账已记提取 " + ledger + " 元，银行对账单无此笔支付"));
            } else if (bank != null && !bank.equals(ledger)) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.AMOUNT_DIFFERS, ledger, bank, state,
                        "明细账记 " + ledger + " 元，银行支付 " + bank + " 元"));
            }
            if (paidLines.getOrDefault(id, 0) > 1) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.PAID_TWICE, ledger, bank, state,
                        "银行对账单中该指令出现 " + paidLines.get(id) + " 次，合计 " + bank + " 元"));
            }
            if (bank != null && instruction == null) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.NOT_RECORDED, ledger, bank, null,
                        "银行已支付 " + bank + " 元，中心没有该支付指令"));
            } else if (bank != null && state != PaymentState.SETTLED) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.STATE_DIFFERS, ledger, bank, state,
                        "银行已支付，中心指令状态为" + state.chinese()));
            } else if (bank == null && state == PaymentState.SETTLED && isOn(instruction.settledAt(), dayStart, dayEnd)) {
                mismatches.add(new PaymentMismatch(id, PaymentMismatch.Kind.STATE_DIFFERS, ledger, null, state,
                        "中心指令于当日已到账，银行对账单无此笔支付"));
            }
        }
        mismatches.sort(Comparator.comparing(PaymentMismatch::instructionId).thenComparing(PaymentMismatch::kind));
        return List.copyOf(mismatches);
    }

    /** Net amount paid out per withdrawal instruction id, as the ledger books it; fully reversed ones left out. */
    private static Map<String, Long> booked(Collection<LedgerEntry> entries) {
        Map<String, Long> booked = new TreeMap<>();
        for (LedgerEntry entry : entries) {
            if (entry.type() != BusinessType.PARTIAL_WITHDRAWAL && entry.type() != BusinessType.CLOSING_WITHDRAWAL) {
                continue;
            }
            String serial = entry.isReversal() ? entry.reverses() : entry.serialNumber();
            if (!isWithdrawalInstruction(serial)) {
                continue;
            }
            booked.merge(serial, -entry.amount().fen(), Long::sum);
        }
        booked.values().removeIf(fen -> fen == 0);
        return booked;
    }

    private static boolean isWithdrawalInstruction(String serial) {
        try {
            return InstructionId.of(serial).paysWithdrawal();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isOn(Instant at, Instant dayStart, Instant dayEnd) {
        return at != null && !at.isBefore(dayStart) && at.isBefore(dayEnd);
    }
}
