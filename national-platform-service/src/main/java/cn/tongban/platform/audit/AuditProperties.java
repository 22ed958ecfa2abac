package cn.tongban.platform.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.audit.*}: the audit log's checkpoints and the verify command.
 *
 * @param checkpointEvery sign a checkpoint at every record whose sequence number is a multiple of this
 * @param checkpointInterval also sign the latest record appended by this replica this often, if it is not
 *                           signed yet (so a quiet platform does not leave its tail unsigned for long)
 * @param verify run the verify command: check the whole log at start-up, print the report and exit with
 *               0 (intact) or 1 (not intact)
 * @param appendAttempts how often one append builds again after losing a race for the next sequence number
 * @param maxFindings findings listed in a report (all are counted)
 */
@Validated
@ConfigurationProperties("tongban.audit")
public record AuditProperties(@DefaultValue("1000") @Min(1) int checkpointEvery,
                              @DefaultValue("60s") @NotNull Duration checkpointInterval,
                              @DefaultValue("false") boolean verify,
                              @DefaultValue("50") @Min(1) int appendAttempts,
                              @DefaultValue("100") @Min(1) int maxFindings) {
}
