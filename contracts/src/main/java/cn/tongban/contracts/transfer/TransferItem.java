package cn.tongban.contracts.transfer;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import java.util.Set;

/**
 * The catalogue item under which the platform tracks a transfer case (异地转移接续): item 21, handled jointly by the
 * two centers. Services also configure it in {@code tongban.catalogue.items} so that it is in the catalogue before
 * the first event that names it is read; the definition here is the same, so either may come first.
 */
public final class TransferItem {

    public static final ServiceItem ACCOUNT_TRANSFER = ServiceItem.define("21", "ACCOUNT_TRANSFER", "异地转移接续",
            Set.of(HandlingMode.JOINT));

    private TransferItem() {
    }
}
