package cn.tongban.platform.relay;

import cn.tongban.contracts.event.Topics;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.ReceivedEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code tongban.relay.inbound}, where every center publishes, a poll at a time. The poll's offsets are
 * committed only after the relay returned, that is after every relayed event is stored with its forward and
 * its audit record. A refused event is reported by its position: the error handler commits what came before
 * it, dead-letters it with its reason and delivers the rest again, which the relay finds relayed already.
 */
@Component
class RelayListener {

    private final RelayService relay;
    private final DistributionSummary batchSizes;

    RelayListener(RelayService relay, MeterRegistry meters) {
        this.relay = relay;
        this.batchSizes = DistributionSummary.builder("tongban.relay.batch.size")
                .description("events the relay took from one poll").register(meters);
    }

    @KafkaListener(id = "relay-inbound", topics = Topics.RELAY_INBOUND,
            containerFactory = RelayConfiguration.BATCH_LISTENER_FACTORY)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        batchSizes.record(records.size());
        MalformedEventException[] refused = new MalformedEventException[records.size()];
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(ReceivedEvent.from(records.get(i)));
                positions.add(i);
            } catch (MalformedEventException e) {
                refused[i] = e;
            }
        }
        List<MalformedEventException> outcomes = relay.relay(events);
        for (int k = 0; k < outcomes.size(); k++) {
            if (outcomes.get(k) != null) {
                refused[positions.get(k)] = outcomes.get(k);
            }
        }
        for (int i = 0; i < refused.length; i++) {
            if (refused[i] != null) {
                throw new BatchListenerFailedException(refused[i].getMessage(), refused[i], i);
            }
        }
    }
}
