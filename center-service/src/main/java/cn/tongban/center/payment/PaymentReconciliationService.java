package cn.tongban.center.payment;

import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.BankStatement;
import cn.tongban.center.department.DepartmentException;
import cn.tongban.center.ledger.LedgerEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Runs the daily payment reconciliation (日终对账): fetches the bank's statement of the day, gathers the instructions it
 * concerns and compares them with the day's withdrawal ledger entries ({@link PaymentReconciliation}); keeps the report.
 */
@Service
public class PaymentReconciliationService {

    public static final String REPORTS = "payment_reconciliations";
    /** The bank's statement day is a calendar day in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliationService.class);

    private final BankSettlementClient bank;
    private final PaymentInstructionStore instructions;
    private final MongoOperations mongo;
    private final Clock clock;

    PaymentReconciliationService(BankSettlementClient bank, PaymentInstructionStore instructions, MongoOperations mongo,
                                 Clock clock) {
        this.bank = bank;
        this.instructions = instructions;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Reconciles {@code day}.
     *
     * @param withdrawalEntries the ledger's withdrawal entries booked on {@code day} and the reversals of them, of all
     *        accounts; entries whose serial number is not a withdrawal instruction id are left out
     * @throws DepartmentException when the bank's statement cannot be had; nothing is stored then
     */
    public PaymentReconciliationReport reconcile(LocalDate day, Collection<LedgerEntry> withdrawalEntries) {
        BankStatement statement = bank.statement(day);
        TreeSet<String> named = new TreeSet<>();
        statement.lines().forEach(line -> named.add(line.instructionId().value()));
        withdrawalEntries.forEach(entry -> named.add(entry.isReversal() ? entry.reverses() : entry.serialNumber()));
        Map<String, PaymentInstruction> concerned = new HashMap<>();
        instructions.findAll(named).forEach(i -> concerned.put(i.id(), i));
        instructions.settledBetween(day.atStartOfDay(CHINA).toInstant(), day.plusDays(1).atStartOfDay(CHINA).toInstant())
                .forEach(i -> concerned.put(i.id(), i));
        List<PaymentMismatch> mismatches = PaymentReconciliation.reconcile(day, concerned.values(), withdrawalEntries,
                statement, CHINA);
        PaymentReconciliationReport report = new PaymentReconciliationReport(day.toString(), day, clock.instant(),
                statement.lines().size(), withdrawalEntries.size(), concerned.size(), mismatches);
        mongo.save(report, REPORTS);
        if (report.isBalanced()) {
            log.info("payments of {} reconciled: {} statement lines, no mismatch", day, report.statementLines());
        } else {
            log.warn("payments of {} reconciled: {} mismatches", day, mismatches.size());
        }
        return report;
    }

    /** The report of {@code day}, if it was reconciled. */
    public Optional<PaymentReconciliationReport> report(LocalDate day) {
        return Optional.ofNullable(mongo.findById(day.toString(), PaymentReconciliationReport.class, REPORTS));
    }
}
