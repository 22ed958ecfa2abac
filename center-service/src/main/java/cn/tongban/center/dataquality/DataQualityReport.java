package cn.tongban.center.dataquality;

import cn.tongban.contracts.CenterCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A center's data-quality report (数据质量报告) over what it stores, with the latest import batches.
 *
 * @param accountIssues one result per check of personal accounts, also those that found nothing
 * @param employerIssues one result per check of employers, also those that found nothing
 * @param recentImports the latest import batches, newest first, with their quarantine counts
 */
public record DataQualityReport(CenterCode center, Instant generatedAt, long accountsExamined, long employersExamined,
                                List<CheckResult> accountIssues, List<CheckResult> employerIssues,
                                List<BatchReport> recentImports) {

    public DataQualityReport {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(generatedAt, "generatedAt");
        accountIssues = List.copyOf(accountIssues);
        employerIssues = List.copyOf(employerIssues);
        recentImports = List.copyOf(recentImports);
    }

    /**
     * What one check found.
     *
     * @param count records found (for {@link IssueCode#DUPLICATE_PERSON}: people with more than one open account)
     * @param samples the first few, identity numbers masked
     */
    public record CheckResult(IssueCode code, String description, long count, List<Sample> samples) {
        public CheckResult {
            Objects.requireNonNull(code, "code");
            samples = List.copyOf(samples);
        }
    }

    /**
     * One record a check found.
     *
     * @param record the personal or unit account number
     * @param identityNumber the masked identity number, empty for an employer
     */
    public record Sample(String record, String identityNumber, String detail) {
    }

    public long count(IssueCode code) {
        return accountIssues.stream().filter(r -> r.code() == code).mapToLong(CheckResult::count).sum();
    }

    public long employerCount(IssueCode code) {
        return employerIssues.stream().filter(r -> r.code() == code).mapToLong(CheckResult::count).sum();
    }
}
