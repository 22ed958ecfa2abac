package cn.tongban.center.catalogue;

import cn.tongban.center.crosscenter.InboundFlow;
import cn.tongban.contracts.item.ItemCompleted;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.contracts.item.ItemResultSent;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The item flow's events as the center's inbound listener hands them over (after it checked they come from the
 * platform, signed): request, result, completion. Delivery, acceptance and refusal are common to every flow and
 * handled by the listener itself.
 */
@Component
public class ItemInbound implements InboundFlow {

    private static final Set<String> TYPES = Set.of(ItemRequested.TYPE.toString(), ItemResultSent.TYPE.toString(),
            ItemCompleted.TYPE.toString());

    private final ItemCaseService service;
    private final EventCodec codec;

    ItemInbound(ItemCaseService service, EventCodec codec) {
        this.service = service;
        this.codec = codec;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void on(ReceivedEvent event) {
        String type = event.type();
        if (type.equals(ItemRequested.TYPE.toString())) {
            service.onRequested(event, codec.caseEvent(event, ItemRequested.class));
        } else if (type.equals(ItemResultSent.TYPE.toString())) {
            service.onResult(event, codec.caseEvent(event, ItemResultSent.class));
        } else {
            codec.caseEvent(event, ItemCompleted.class);
            service.onCompleted(event);
        }
    }
}
