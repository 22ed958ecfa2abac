package cn.tongban.center.dataquality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The id of one import batch (导入批次号): the time it started, China time to the second, and four random hex digits,
 * e.g. {@code 20261125-143000-9f3a}. Sorts by time, reads aloud on the phone.
 */
public record BatchId(String value) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public BatchId {
        Objects.requireNonNull(value, "a batch id is required");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a batch id looks like 20261125-143000-9f3a, not " + value);
        }
    }

    @JsonCreator
    public static BatchId of(String value) {
        return new BatchId(value);
    }

    public static BatchId next(Instant now, RandomGenerator random) {
        return new BatchId(STAMP.format(now) + "-%04x".formatted(random.nextInt(0x10000)));
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
