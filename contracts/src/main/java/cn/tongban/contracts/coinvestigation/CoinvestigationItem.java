package cn.tongban.contracts.coinvestigation;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import java.util.Set;

/**
 * The catalogue item under which the platform tracks a co-investigation (信息协查): item 22, between two centers. Also
 * configured in {@code tongban.catalogue.items} (same definition) with its working-day limit at the platform.
 */
public final class CoinvestigationItem {

    public static final ServiceItem INFORMATION_COINVESTIGATION = ServiceItem.define("22", "INFORMATION_COINVESTIGATION",
            "信息协查", Set.of(HandlingMode.JOINT));

    private CoinvestigationItem() {
    }
}
