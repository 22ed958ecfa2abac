package cn.tongban.kit.catalogue;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import java.util.Set;

/**
 * One item added to the service-item catalogue (跨省通办事项目录) by configuration, {@code tongban.catalogue.items[n]}.
 * The eight items of the notice are there without configuration.
 *
 * @param code two digits, e.g. {@code "09"}
 * @param name the constant name it is stored and counted under, e.g. {@code HOUSING_SUBSIDY_CERTIFICATE}
 * @param chineseName the item's name in the catalogue
 * @param modes how it is handled across provinces; PROXY and JOINT items go through the platform
 * @param handler at a center: the class that handles the item for the other centers (see the center's
 *        {@code catalogue} package); the platform ignores it
 */
public record CatalogueEntry(String code, String name, String chineseName, Set<HandlingMode> modes, String handler) {

    /** Puts the item into the catalogue (idempotent for the same definition). */
    public ServiceItem define() {
        return ServiceItem.define(code, name, chineseName, modes);
    }
}
