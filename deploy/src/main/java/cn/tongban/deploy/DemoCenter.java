package cn.tongban.deploy;

/**
 * One of the three demo fund centers (住房公积金管理中心) of the local federation.
 *
 * @param code the center's six-digit administrative division code, as used in topic names and
 *             {@code tongban.center.code}
 * @param city the city, in ASCII for console output (a terminal without a UTF-8 locale shows Chinese as '?')
 * @param name the center's official name ({@code tongban.center.name}), as the platform's registry has it
 * @param port the HTTP port of the center's service in the local federation
 */
public record DemoCenter(String code, String city, String name, int port) {

    /** The service name used for log files, pid files and the start-up table, e.g. {@code center-110000}. */
    public String serviceName() {
        return "center-" + code;
    }

    /** The center's own MongoDB database: a center's data lives only there. */
    public String database() {
        return "tongban_center_" + code;
    }

    /** The topic on which the platform forwards events to this center, and only this center reads. */
    public String inboundTopic() {
        return "tongban.center." + code + ".inbound";
    }
}
