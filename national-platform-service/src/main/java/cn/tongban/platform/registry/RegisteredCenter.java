package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;

/**
 * A fund center known to the platform (中心名录).
 *
 * @param active false while the center is suspended: its events are refused
 */
public record RegisteredCenter(CenterCode code, String name, String province, boolean active) {

    public String inboundTopic() {
        return Topics.centerInbound(code);
    }
}
