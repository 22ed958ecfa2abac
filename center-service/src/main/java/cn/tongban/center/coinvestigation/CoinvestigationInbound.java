package cn.tongban.center.coinvestigation;

import cn.tongban.center.crosscenter.InboundFlow;
import cn.tongban.contracts.coinvestigation.CoinvestigationAnswered;
import cn.tongban.contracts.coinvestigation.CoinvestigationClosed;
import cn.tongban.contracts.coinvestigation.CoinvestigationRequested;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The co-investigation's own events as the center's inbound listener hands them over (from the platform, signed). */
@Component
public class CoinvestigationInbound implements InboundFlow {

    private static final Set<String> TYPES = Set.of(CoinvestigationRequested.TYPE.toString(),
            CoinvestigationAnswered.TYPE.toString(), CoinvestigationClosed.TYPE.toString());

    private final CoinvestigationService service;
    private final EventCodec codec;

    CoinvestigationInbound(CoinvestigationService service, EventCodec codec) {
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
        if (type.equals(CoinvestigationRequested.TYPE.toString())) {
            service.onRequested(event, codec.caseEvent(event, CoinvestigationRequested.class));
        } else if (type.equals(CoinvestigationAnswered.TYPE.toString())) {
            service.onAnswered(event, codec.caseEvent(event, CoinvestigationAnswered.class));
        } else {
            codec.caseEvent(event, CoinvestigationClosed.class);
            service.onClosed(event);
        }
    }
}
