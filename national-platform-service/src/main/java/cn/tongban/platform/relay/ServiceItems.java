package cn.tongban.platform.relay;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.coinvestigation.CoinvestigationItem;
import cn.tongban.contracts.coinvestigation.CoinvestigationRequested;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
import cn.tongban.contracts.transfer.TransferApplied;
import cn.tongban.contracts.transfer.TransferItem;
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
        if (opening instanceof ItemRequested request) {
            checkedMode(request);
            return request.item();
        }
        if (opening instanceof TransferApplied) {
            return TransferItem.ACCOUNT_TRANSFER;
        }
        if (opening instanceof CoinvestigationRequested) {
            return CoinvestigationItem.INFORMATION_COINVESTIGATION;
        }
        throw new MalformedEventException("UNKNOWN_TYPE", "no case is opened by " + opening.eventType());
    }

    static HandlingMode modeOf(CaseEvent opening) {
        if (opening instanceof ProxyCertificateRequested) {
            return HandlingMode.PROXY;
        }
        if (opening instanceof ItemRequested request) {
            return checkedMode(request);
        }
        if (opening instanceof TransferApplied || opening instanceof CoinvestigationRequested) {
            return HandlingMode.JOINT;
        }
        throw new MalformedEventException("UNKNOWN_TYPE", "no case is opened by " + opening.eventType());
    }

    /** A catalogue item goes through the platform only in a mode the catalogue gives it, and never fully online. */
    private static HandlingMode checkedMode(ItemRequested request) {
        if (request.mode() == HandlingMode.FULLY_ONLINE || !request.item().modes().contains(request.mode())) {
            throw new MalformedEventException("ITEM_NOT_IN_MODE", "item " + request.item().code() + " is not handled "
                    + request.mode() + " across centers");
        }
        return request.mode();
    }
}
