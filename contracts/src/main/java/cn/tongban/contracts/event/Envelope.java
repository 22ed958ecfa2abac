package cn.tongban.contracts.event;

import cn.tongban.contracts.CenterCode;

/**
 * The CloudEvents 1.0 envelope conventions of the federation, Kafka binary mode: attributes travel as
 * {@code ce_}-prefixed headers, the JSON data as the record value, the case id as the record key.
 */
public final class Envelope {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /** Destination center code of an event that a center sends through the platform. */
    public static final String EXT_DESTINATION = "tbdest";
    /** The center an event forwarded by the platform came from (its {@code ce_source} is the platform's). */
    public static final String EXT_ORIGIN = "tborigin";
    /** SM2 signature of the sender over the canonical bytes of the event (base64). */
    public static final String EXT_SIGNATURE = "tbsig";
    /** W3C trace context, carried from the first request through every hop. */
    public static final String EXT_TRACEPARENT = "traceparent";

    /** Kafka header prefix of CloudEvents attributes in binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    /** Headers the consumers add to what they dead-letter. */
    public static final String DLQ_REASON = "tb_dlq_reason";
    public static final String DLQ_DETAIL = "tb_dlq_detail";
    public static final String DLQ_ORIGINAL_TOPIC = "tb_dlq_original_topic";

    public static final String PLATFORM_SOURCE = "/platform";
    private static final String CENTER_SOURCE_PREFIX = "/centers/";

    private Envelope() {
    }

    public static String centerSource(CenterCode center) {
        return CENTER_SOURCE_PREFIX + center.value();
    }

    /** The center a {@code ce_source} names, or null for the platform or anything else. */
    public static CenterCode centerOfSource(String source) {
        if (source != null && source.startsWith(CENTER_SOURCE_PREFIX)
                && CenterCode.isValid(source.substring(CENTER_SOURCE_PREFIX.length()))) {
            return CenterCode.of(source.substring(CENTER_SOURCE_PREFIX.length()));
        }
        return null;
    }
}
