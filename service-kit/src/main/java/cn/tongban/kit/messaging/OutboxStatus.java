package cn.tongban.kit.messaging;

/** Where an outbox event stands: written with its state change, or acknowledged by the broker. */
public enum OutboxStatus {
    PENDING,
    SENT
}
