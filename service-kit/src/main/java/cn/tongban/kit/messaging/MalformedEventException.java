package cn.tongban.kit.messaging;

/**
 * An inbound event that can never be processed as it is (bad envelope, bad data, unknown type, sender or
 * state): it goes to the dead-letter topic at once, with {@link #reason()} in its headers, and the
 * consumer moves on.
 */
public class MalformedEventException extends RuntimeException {

    private final String reason;

    public MalformedEventException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A stable code for dashboards and the replay tool, e.g. {@code MISSING_ATTRIBUTE}. */
    public String reason() {
        return reason;
    }
}
