package cn.tongban.center.catalogue;

import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.item.ItemRequested;

/**
 * How this center handles one catalogue item for another center (办理地): reads the request's form, decides by
 * this center's rules, does what the item does (pay, issue, record) and answers. One class per item; the legislated
 * items' handlers are beans, an item added by configuration names its handler class in
 * {@code tongban.catalogue.items[n].handler} (created as a bean, so it may take any bean in its constructor).
 *
 * <p>A handler may be called again with the same request — a redelivered event, or the sweep taking up a
 * {@link ItemAnswer.Pending} answer — and must then do nothing twice: key every effect on the case id.
 */
public interface ItemHandler {

    /** The item this handler handles. */
    ServiceItem item();

    /**
     * @return done with the result and its receipt, refused with a reason, or pending when the outcome is not known
     *         yet (a department did not answer, a payment is open): then it is asked again later
     */
    ItemAnswer handle(ItemRequested request);
}
