package cn.tongban.contracts.casefile;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The requesting center supplied the missing materials (已补正), as references to the scans it holds: the
 * case's clock runs again with the working days it had left.
 */
public record CaseSupplemented(CaseId caseId, ServiceItem item, CenterCode requestingCenter,
                               List<MaterialReference> materials, Instant supplementedAt) implements CaseEvent {

    public static final EventType TYPE = new EventType("case", "supplemented", 1);

    public CaseSupplemented {
        if (materials == null || materials.isEmpty()) {
            throw new IllegalArgumentException("a supplement carries at least one material");
        }
        materials = List.copyOf(materials);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
