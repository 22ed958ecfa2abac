package cn.tongban.center.catalogue;

import cn.tongban.contracts.ServiceItem;
import cn.tongban.kit.catalogue.CatalogueDefinitions;
import cn.tongban.kit.catalogue.CatalogueEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The handler registry (事项办理登记): which class handles which item here. The handler beans of the legislated items,
 * and for each configured item the class its entry names, created as a bean. Two handlers for one item, or a
 * configured handler that handles another item than its entry, stop the start.
 */
@Component
public class ItemHandlers {

    private final Map<ServiceItem, ItemHandler> byItem = new HashMap<>();

    ItemHandlers(List<ItemHandler> beans, CatalogueDefinitions catalogue, AutowireCapableBeanFactory factory) {
        beans.forEach(this::add);
        for (CatalogueEntry entry : catalogue.entries()) {
            if (entry.handler() == null || entry.handler().isBlank()) {
                continue;
            }
            ItemHandler handler = create(entry, factory);
            if (!handler.item().code().equals(entry.code())) {
                throw new IllegalStateException(entry.handler() + " handles item " + handler.item().code()
                        + ", not item " + entry.code() + " as configured");
            }
            add(handler);
        }
    }

    private static ItemHandler create(CatalogueEntry entry, AutowireCapableBeanFactory factory) {
        Class<?> type;
        try {
            type = ClassUtils.forName(entry.handler(), ItemHandlers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("item " + entry.code() + ": no handler class " + entry.handler(), e);
        }
        if (!ItemHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException("item " + entry.code() + ": " + entry.handler() + " is not an ItemHandler");
        }
        return (ItemHandler) factory.createBean(type);
    }

    private void add(ItemHandler handler) {
        ItemHandler before = byItem.putIfAbsent(handler.item(), handler);
        if (before != null && before != handler) {
            throw new IllegalStateException("item " + handler.item().code() + " has two handlers: "
                    + before.getClass().getName() + " and " + handler.getClass().getName());
        }
    }

    public Optional<ItemHandler> of(ServiceItem item) {
        return Optional.ofNullable(byItem.get(item));
    }
}
