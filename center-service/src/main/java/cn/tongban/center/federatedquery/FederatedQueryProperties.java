package cn.tongban.center.federatedquery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.federated-query.*}: the federated information query at this center.
 *
 * @param key the federation key (base64, at least 32 bytes), the same at every center and never given to the
 *            platform; from a secret ({@code TONGBAN_FEDERATEDQUERY_KEY}). Without it the query and the index
 *            publication are off at this center, except in the {@code local} profile, which uses the insecure dev
 *            key of {@code devLabel}
 * @param devLabel the label of the dev key; the same at every center of the local federation
 * @param answerTimeout how long the asking center waits for the holding centers before marking the silent ones
 * @param indexBatchSize lines per published index event (at most 1,000)
 * @param sweepInterval how often the center compares its accounts with the index it published and publishes
 *                      the differences (accounts opened or closed since); the first sweep runs soon after start
 * @param sweepInitialDelay the wait before the first sweep
 */
@Validated
@ConfigurationProperties("tongban.federated-query")
public record FederatedQueryProperties(String key, @DefaultValue("federation") String devLabel,
                                       @DefaultValue("30s") Duration answerTimeout,
                                       @DefaultValue("1000") @Min(1) @Max(1000) int indexBatchSize,
                                       @DefaultValue("1h") Duration sweepInterval,
                                       @DefaultValue("20s") Duration sweepInitialDelay) {
}
