package cn.tongban.kit.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.messaging.*}: the outbox and the consumers' retry and dead-letter policy.
 *
 * @param partitions partitions of the topics this service creates
 * @param replicas replication factor of the topics this service creates (3 in production, 1 locally)
 */
@Validated
@ConfigurationProperties("tongban.messaging")
public record MessagingProperties(@Valid @NotNull Outbox outbox, @Valid @DefaultValue Retry retry,
                                  @DefaultValue("3") @Min(1) int partitions,
                                  @DefaultValue("1") @Min(1) int replicas) {

    /**
     * @param collections the aggregate collections whose documents carry an outbox
     * @param pollInterval how long the publisher sleeps when it found nothing (it is also woken on writes)
     * @param ackTimeout how long a round waits for the broker's acknowledgements
     * @param fullScanInterval how often the publisher searches every document for pending events, besides
     *                         reading the ones this process just wrote
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @NotEmpty List<String> collections,
                         @DefaultValue("500ms") Duration pollInterval, @DefaultValue("100") @Min(1) int batchSize,
                         @DefaultValue("30s") Duration ackTimeout, @DefaultValue("5s") Duration fullScanInterval) {
    }

    /**
     * @param attempts deliveries of a failing event before it goes to the dead-letter topic (transient errors)
     * @param backoff first pause between attempts, doubled each time
     */
    public record Retry(@DefaultValue("4") @Min(1) int attempts, @DefaultValue("500ms") Duration backoff) {
    }
}
