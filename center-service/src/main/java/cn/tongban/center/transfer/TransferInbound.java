package cn.tongban.center.transfer;

import cn.tongban.center.crosscenter.InboundFlow;
import cn.tongban.contracts.transfer.TransferApplied;
import cn.tongban.contracts.transfer.TransferCancelled;
import cn.tongban.contracts.transfer.TransferCredited;
import cn.tongban.contracts.transfer.TransferredOut;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The transfer's own events as the center's inbound listener hands them over (after it checked they come from the
 * platform, signed). Delivery, acceptance and refusal are the common case events, handled by the listener.
 */
@Component
public class TransferInbound implements InboundFlow {

    private static final Set<String> TYPES = Set.of(TransferApplied.TYPE.toString(), TransferCancelled.TYPE.toString(),
            TransferredOut.TYPE.toString(), TransferCredited.TYPE.toString());

    private final TransferService service;
    private final EventCodec codec;

    TransferInbound(TransferService service, EventCodec codec) {
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
        if (type.equals(TransferApplied.TYPE.toString())) {
            service.onApplied(event, codec.caseEvent(event, TransferApplied.class));
        } else if (type.equals(TransferCancelled.TYPE.toString())) {
            service.onCancelled(event, codec.caseEvent(event, TransferCancelled.class));
        } else if (type.equals(TransferredOut.TYPE.toString())) {
            service.onTransferredOut(event, codec.caseEvent(event, TransferredOut.class));
        } else {
            service.onCredited(event, codec.caseEvent(event, TransferCredited.class));
        }
    }
}
