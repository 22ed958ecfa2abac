package cn.tongban.platform.relay;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
import cn.tongban.kit.messaging.MalformedEventException;

/** The service item and handling mode a case-opening event stands for. */
final class ServiceItems {

    private ServiceItems() {
    }

    static ServiceItem itemOf(CaseEvent opening) {
        if (opening instanceof ProxyCertificateRequested request) {
            if (!request.item().modes().contains(HandlingMode.PROXY)) {
                throw new MalformedEventException("ITEM_NOT_PROXIED", "item " + request.item().code() + " is not handled by proxy");
            }
            return request.item();
        }
        throw new MalformedEventException("UNKNOWN_TYPE", "no case is opened by " + opening.eventType());
    }

    static HandlingMode modeOf(CaseEvent opening) {
        if (opening instanceof ProxyCertificateRequested) {
            return HandlingMode.PROXY;
        }
        throw new MalformedEventException("UNKNOWN_TYPE", "no case is opened by " + opening.eventType());
    }
}
