package cn.tongban.platform.catalogue;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.platform.deadline.DeadlineProperties;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The service-item catalogue (跨省通办事项目录) as the platform serves it: the eight items of the notice and those
 * added by configuration, each with its handling modes and — for the items that cross centers (proxy, joint) — its
 * time limit in working days ({@code tongban.platform.deadlines.time-limits}). An item that crosses centers without
 * a time limit stops the start: the platform could not start its clock.
 */
@Component
public class ServiceCatalogue {

    private final DeadlineProperties deadlines;

    ServiceCatalogue(DeadlineProperties deadlines) {
        this.deadlines = deadlines;
        List<String> missing = Arrays.stream(ServiceItem.values()).filter(ServiceCatalogue::crossesCenters)
                .map(ServiceItem::code).filter(code -> !deadlines.timeLimits().containsKey(code)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("items " + missing + " are handled across centers but have no time limit in"
                    + " tongban.platform.deadlines.time-limits");
        }
    }

    /** An item of the catalogue as listed. */
    public record Entry(String code, String name, String chineseName, Set<HandlingMode> modes,
                        Integer timeLimitWorkingDays, boolean legislated) {
    }

    public List<Entry> entries() {
        return Arrays.stream(ServiceItem.values())
                .map(item -> new Entry(item.code(), item.name(), item.chineseName(), item.modes(),
                        deadlines.timeLimits().get(item.code()), item.isLegislated()))
                .toList();
    }

    static boolean crossesCenters(ServiceItem item) {
        return item.modes().contains(HandlingMode.PROXY) || item.modes().contains(HandlingMode.JOINT);
    }
}
