package cn.tongban.platform.relay;

import cn.tongban.kit.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code tongban.relay.inbound}, where every center publishes. */
@Component
class RelayListener {

    private final RelayService relay;

    RelayListener(RelayService relay) {
        this.relay = relay;
    }

    @KafkaListener(id = "relay-inbound", topics = cn.tongban.contracts.event.Topics.RELAY_INBOUND)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        relay.relay(ReceivedEvent.from(record));
    }
}
