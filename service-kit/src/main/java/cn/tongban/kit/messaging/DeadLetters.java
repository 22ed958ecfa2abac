package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.Envelope;
import cn.tongban.contracts.event.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The consumers' failure policy, the same for every listener of a service: a transient failure is retried
 * a bounded number of times with growing pauses; then, or at once for a {@link MalformedEventException},
 * the record goes unchanged to the {@code .dlq} twin of its topic with the reason in its headers, and the
 * consumer moves on. Nothing is dropped: the replay tool puts dead letters back.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, MessagingProperties.Retry retry,
                                                   MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, failure) -> {
            Throwable cause = rootCause(failure);
            String reason = cause instanceof MalformedEventException malformed ? malformed.reason() : "PROCESSING_FAILED";
            String detail = String.valueOf(cause.getMessage());
            meters.counter("tongban.messaging.dead.lettered", "topic", record.topic(), "reason", reason).increment();
            log.warn("dead-lettering {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), reason, detail);
            Headers headers = new RecordHeaders();
            headers.add(Envelope.DLQ_REASON, bytes(reason));
            headers.add(Envelope.DLQ_DETAIL, bytes(detail.length() > 1000 ? detail.substring(0, 1000) : detail));
            headers.add(Envelope.DLQ_ORIGINAL_TOPIC, bytes(record.topic()));
            return headers;
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.backoff().toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof MalformedEventException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
