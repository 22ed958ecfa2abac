package cn.tongban.contracts.event;

import cn.tongban.contracts.CenterCode;

/** Kafka topic names of the federation (DESIGN §3). */
public final class Topics {

    /** Every center publishes here; only the platform reads it. */
    public static final String RELAY_INBOUND = "tongban.relay.inbound";
    /** Case lifecycle for dashboards and reports. */
    public static final String PLATFORM_EVENTS = "tongban.platform.events";
    /** Suffix of the dead-letter twin of a consumer's input topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** What the platform forwards to one center; only that center reads it. */
    public static String centerInbound(CenterCode center) {
        return "tongban.center." + center.value() + ".inbound";
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DLQ_SUFFIX);
    }
}
