package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.crypto.Sm2Keys;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.security.PublicKey;

/**
 * A fund center known to the platform (中心名录).
 *
 * @param active false while the center is suspended: its events are refused
 */
public record RegisteredCenter(CenterCode code, String name, String province, boolean active,
                               @JsonIgnore PublicKey publicKey) {

    /** The key's fingerprint, for operators comparing keys. */
    public String keyFingerprint() {
        return Sm2Keys.fingerprint(publicKey);
    }

    public String inboundTopic() {
        return Topics.centerInbound(code);
    }
}
