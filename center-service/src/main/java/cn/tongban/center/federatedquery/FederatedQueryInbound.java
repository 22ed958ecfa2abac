package cn.tongban.center.federatedquery;

import cn.tongban.center.crosscenter.InboundFlow;
import cn.tongban.contracts.federatedquery.FederatedQueryAnswered;
import cn.tongban.contracts.federatedquery.FederatedQueryAsked;
import cn.tongban.contracts.federatedquery.FederatedQueryRouted;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.ReceivedEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The federated query's events as they arrive on this center's inbound topic, already checked to come from the
 * platform: a query to answer, where our own query went, an answer to our query.
 */
public class FederatedQueryInbound implements InboundFlow {

    private static final Set<String> TYPES = Set.of(FederatedQueryAsked.TYPE.toString(),
            FederatedQueryRouted.TYPE.toString(), FederatedQueryAnswered.TYPE.toString());

    private final Optional<FederatedQueryService> service;
    private final EventCodec codec;

    FederatedQueryInbound(Optional<FederatedQueryService> service, EventCodec codec) {
        this.service = service;
        this.codec = codec;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void on(ReceivedEvent event) {
        FederatedQueryService queries = service.orElseThrow(() -> new MalformedEventException("FEDERATION_KEY_MISSING",
                "this center has no federation key (tongban.federated-query.key): it cannot take part in federated queries"));
        String type = event.type();
        if (type.equals(FederatedQueryAsked.TYPE.toString())) {
            queries.onAsked(event, codec.caseEvent(event, FederatedQueryAsked.class));
        } else if (type.equals(FederatedQueryRouted.TYPE.toString())) {
            queries.onRouted(event, codec.caseEvent(event, FederatedQueryRouted.class));
        } else {
            queries.onAnswered(event, codec.caseEvent(event, FederatedQueryAnswered.class));
        }
    }
}
