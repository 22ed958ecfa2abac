package cn.tongban.contracts.event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The canonical bytes of an event (事件规范化字节): what its sender signs with SM2 ({@code tbsig}) and what the
 * platform's audit log hashes with SM3. Defined so that a center written in any language reproduces them
 * byte for byte from the attributes it sends or receives.
 *
 * <h2>Definition (version 1)</h2>
 * The UTF-8 encoding of these nine lines, in this order, each written as {@code name=value} followed by one
 * line feed (U+000A), with nothing between the lines and no carriage returns:
 * <pre>
 * specversion=&lt;ce specversion, "1.0"&gt;
 * id=&lt;ce id&gt;
 * source=&lt;ce source&gt;
 * type=&lt;ce type&gt;
 * subject=&lt;ce subject, empty if none&gt;
 * time=&lt;ce time, normalised as below; empty if none&gt;
 * datacontenttype=&lt;ce datacontenttype, empty if none&gt;
 * tbdest=&lt;destination center code, empty if none&gt;
 * tborigin=&lt;origin center code, empty if none&gt;
 * </pre>
 * followed by the five bytes {@code data=} and then the data bytes exactly as they travel (the Kafka record
 * value), with no line feed after them. The data is last and unescaped, so everything after {@code data=}
 * is data; no attribute value may contain a line feed or a carriage return (such an event cannot be
 * signed and is rejected).
 *
 * <p><b>Time.</b> The instant the {@code ce_time} header stands for, written in UTC as
 * {@code YYYY-MM-DDTHH:MM:SS[.F]Z}, where {@code F} is the fraction of the second with its trailing zeros
 * removed (1 to 9 digits) and the dot and fraction are left out when the fraction is zero:
 * {@code 2026-11-25T02:00:00Z}, {@code 2026-11-25T02:00:00.1Z}, {@code 2026-11-25T02:00:00.123456Z}.
 * Normalising the instant instead of copying the header text means a receiver that parsed the header
 * (as the CloudEvents SDKs do) reproduces the bytes, whatever offset or trailing zeros the sender wrote;
 * for a UTC time this is exactly the text the Java CloudEvents SDK writes into {@code ce_time}. Senders
 * whose stores keep milliseconds (BSON dates) must sign the time as it will be sent, i.e. truncated to
 * milliseconds.
 *
 * <p><b>Left out on purpose:</b> {@code tbsig} (it is the signature over these bytes) and {@code traceparent}
 * (each hop may start a new span). The Kafka record key is the subject and is checked to equal it.
 *
 * <p>Example: an event without a destination and with the data {@code {"a":1}} ends in
 * {@code "tbdest=\ntborigin=\ndata={\"a\":1}"}.
 */
public final class CanonicalForm {

    /** Line names, in their order; the last, {@code data=}, carries the raw data bytes. */
    public static final String SPECVERSION = "specversion";
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String DATA = "data";

    private static final DateTimeFormatter RFC_3339_UTC = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String specVersion;
    private final String id;
    private final String source;
    private final String type;
    private final String subject;
    private final Instant time;
    private final String dataContentType;
    private final String destination;
    private final String origin;
    private final byte[] data;

    private CanonicalForm(String specVersion, String id, String source, String type, String subject, Instant time,
                          String dataContentType, String destination, String origin, byte[] data) {
        this.specVersion = required(SPECVERSION, specVersion);
        this.id = required(ID, id);
        this.source = required(SOURCE, source);
        this.type = required(TYPE, type);
        this.subject = optional(SUBJECT, subject);
        this.time = time;
        this.dataContentType = optional(DATACONTENTTYPE, dataContentType);
        this.destination = optional(Envelope.EXT_DESTINATION, destination);
        this.origin = optional(Envelope.EXT_ORIGIN, origin);
        this.data = data == null ? new byte[0] : data.clone();
    }

    /**
     * An event's attributes as the canonical form reads them.
     *
     * @param specVersion {@code ce_specversion}, required ({@link Envelope#SPEC_VERSION})
     * @param id {@code ce_id}, required
     * @param source {@code ce_source}, required
     * @param type {@code ce_type}, required
     * @param subject {@code ce_subject} (the case id), or null
     * @param time {@code ce_time}, or null
     * @param dataContentType {@code ce_datacontenttype}, or null
     * @param destination the {@code tbdest} extension, or null
     * @param origin the {@code tborigin} extension, or null
     * @param data the record value exactly as it travels; null counts as empty
     * @throws IllegalArgumentException if a required attribute is missing or blank, or any attribute
     *         contains a line feed or carriage return
     */
    public static CanonicalForm of(String specVersion, String id, String source, String type, String subject,
                                   Instant time, String dataContentType, String destination, String origin,
                                   byte[] data) {
        return new CanonicalForm(specVersion, id, source, type, subject, time, dataContentType, destination, origin,
                data);
    }

    /** The canonical bytes defined above. */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder(256);
        line(head, SPECVERSION, specVersion);
        line(head, ID, id);
        line(head, SOURCE, source);
        line(head, TYPE, type);
        line(head, SUBJECT, subject);
        line(head, TIME, time == null ? "" : formatTime(time));
        line(head, DATACONTENTTYPE, dataContentType);
        line(head, Envelope.EXT_DESTINATION, destination);
        line(head, Envelope.EXT_ORIGIN, origin);
        head.append(DATA).append('=');
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(prefix.length + data.length);
        bytes.writeBytes(prefix);
        bytes.writeBytes(data);
        return bytes.toByteArray();
    }

    /**
     * An instant in the canonical time format: UTC, seconds always, the fraction without trailing zeros
     * and left out when zero ({@code 2026-11-25T02:00:00.12Z}).
     */
    public static String formatTime(Instant time) {
        return RFC_3339_UTC.format(time.atOffset(ZoneOffset.UTC));
    }

    public String specVersion() {
        return specVersion;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String type() {
        return type;
    }

    /** The subject, or the empty string if the event has none. */
    public String subject() {
        return subject;
    }

    /** The time, or null if the event has none. */
    public Instant time() {
        return time;
    }

    /** The content type, or the empty string if the event names none. */
    public String dataContentType() {
        return dataContentType;
    }

    /** The destination center code, or the empty string if none. */
    public String destination() {
        return destination;
    }

    /** The origin center code, or the empty string if none. */
    public String origin() {
        return origin;
    }

    /** A copy of the data bytes. */
    public byte[] data() {
        return data.clone();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the canonical form needs the attribute " + name);
        }
        return singleLine(name, value);
    }

    private static String optional(String name, String value) {
        return value == null ? "" : singleLine(name, value);
    }

    private static String singleLine(String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the attribute " + name + " contains a line break");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalForm that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "CanonicalForm[id=" + id + ", type=" + type + ", source=" + source + ", subject=" + subject
                + ", data=" + data.length + " bytes]";
    }
}
