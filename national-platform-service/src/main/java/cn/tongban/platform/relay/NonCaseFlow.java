package cn.tongban.platform.relay;

import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.platform.registry.RegisteredCenter;

/**
 * A flow whose events cross the platform without being a case (no lifecycle, no time limit), such as the
 * federated information query. The relay checks the sender and its signature as for every event, hands the event
 * to the flow that {@linkplain #relays relays} its type, and appends it to the audit log.
 */
public interface NonCaseFlow {

    /** Whether this flow takes events of this {@code ce_type}. */
    boolean relays(String type);

    /** Handles an event from a registered, active center whose signature was verified. */
    void relay(ReceivedEvent received, RegisteredCenter sender);
}
