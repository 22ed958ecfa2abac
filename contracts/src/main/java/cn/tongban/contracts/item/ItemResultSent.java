package cn.tongban.contracts.item;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The handling center has done its part of a catalogue item and reports the result with its receipt (办理结果及回执),
 * e.g. for a withdrawal the amount paid to the person's card and the bank's reference.
 *
 * @param result the item's result fields, as the item's handler writes them
 * @param receiptNumber the handling center's receipt (回执编号) for the requesting center's file
 */
public record ItemResultSent(CaseId caseId, ServiceItem item, CenterCode handlingCenter, Map<String, String> result,
                             String receiptNumber, Instant sentAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("item", "result-sent", 1);

    public ItemResultSent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(item, "item");
        result = result == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(result));
        if (receiptNumber == null || receiptNumber.isBlank()) {
            throw new IllegalArgumentException("a result carries its receipt number");
        }
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
