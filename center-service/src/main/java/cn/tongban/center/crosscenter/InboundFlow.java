package cn.tongban.center.crosscenter;

import cn.tongban.kit.messaging.ReceivedEvent;

/**
 * A capability that takes some of the event types the platform forwards to this center (transfers,
 * co-investigations, catalogue items, the federated query). The inbound listener checks sender and signature once,
 * then hands each event to the flow that {@linkplain #handles handles} its type; a new flow is one more bean, not
 * one more branch in the listener.
 */
public interface InboundFlow {

    /** Whether this flow takes events of this {@code ce_type}. */
    boolean handles(String type);

    /** Applies a verified event from the platform; a bad one is thrown as a {@code MalformedEventException}. */
    void on(ReceivedEvent event);
}
