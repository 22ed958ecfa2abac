package cn.tongban.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier#verify()} found (审计核验报告).
 *
 * @param intact true when nothing was found wrong
 * @param records records read
 * @param lastSeq sequence number of the last record read (0 if none)
 * @param lastHash hash of that record ({@link AuditRecord#GENESIS} if none)
 * @param checkpoints checkpoints read
 * @param lastCheckpointSeq sequence number of the last checkpoint (0 if none)
 * @param unsignedRecords records after the last checkpoint: protected by the chain and the head only
 * @param verifiedUpTo the sequence number the verification covered: records appended meanwhile are left
 *                     for the next run
 * @param findings what is wrong, in order of sequence number, at most {@code tongban.audit.max-findings}
 * @param findingCount how many findings there were in all
 */
public record AuditReport(boolean intact, long records, long lastSeq, String lastHash, long checkpoints,
                          long lastCheckpointSeq, long unsignedRecords, long verifiedUpTo, Instant verifiedAt,
                          List<AuditFinding> findings, long findingCount) {

    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** The first thing wrong: the lowest sequence number and why. */
    public Optional<AuditFinding> firstFinding() {
        return findings.stream().findFirst();
    }

    /** The report as lines of text, for the console of the verify command. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("audit log (审计日志) verification at ").append(verifiedAt).append(": ")
                .append(intact ? "INTACT" : "NOT INTACT").append('\n');
        out.append("  records: ").append(records).append(", last seq ").append(lastSeq).append(", last hash ")
                .append(lastHash).append('\n');
        out.append("  checkpoints: ").append(checkpoints).append(", last at seq ").append(lastCheckpointSeq)
                .append(", records after it (not yet signed): ").append(unsignedRecords).append('\n');
        if (!intact) {
            out.append("  findings: ").append(findingCount)
                    .append(findingCount > findings.size() ? " (first " + findings.size() + " listed)" : "")
                    .append('\n');
            for (AuditFinding finding : findings) {
                out.append("    ").append(finding).append('\n');
            }
        }
        return out.toString();
    }
}
