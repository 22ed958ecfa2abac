package cn.tongban.contracts.item;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import cn.tongban.contracts.joint.MaterialReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One center asks another to handle a catalogue item for a person (跨省通办事项申请): by proxy (代收代办) for an item
 * received at this center's counter, or jointly (两地联办) when both centers have their part. The item's own data
 * travel as named form fields that the handling center's handler for the item reads and checks; adding an item to
 * the catalogue adds no event type (docs/adr/0011).
 *
 * @param form the item's fields, e.g. for item 06 the verified purchase and the amount applied for; only what the
 *        handling center needs
 * @param materials references to the scanned materials (申请材料), none when the item needs none
 * @param clerk the counter clerk who received the application (受理人), by staff id
 */
public record ItemRequested(CaseId caseId, ServiceItem item, HandlingMode mode, CenterCode requestingCenter,
                            CenterCode handlingCenter, Applicant applicant, Map<String, String> form,
                            List<MaterialReference> materials, String clerk, Instant requestedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("item", "requested", 1);

    public ItemRequested {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(applicant, "applicant");
        form = form == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(form));
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
