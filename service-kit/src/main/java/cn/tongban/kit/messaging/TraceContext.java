package cn.tongban.kit.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace context ({@code traceparent}) carried from the first request through every hop. */
public final class TraceContext {

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The caller's traceparent when it is well formed, else a new trace. */
    public static String continueOrStart(String traceparent) {
        if (traceparent != null && VALID.matcher(traceparent).matches()) {
            return traceparent;
        }
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
