package cn.tongban.platform.deadline;

import cn.tongban.contracts.ServiceItem;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * When a case is due: the item's time limit in working days after delivery, on the Chinese working-day
 * calendar, due at the end of that day in China time. A year the calendar has no data for is reported
 * (log and metric), and counted Monday to Friday rather than guessed.
 */
@Component
public class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;
    private final MeterRegistry meters;

    Deadlines(DeadlineProperties properties, ResourceLoader resources, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        try (InputStream data = resources.getResource(properties.calendar()).getInputStream()) {
            this.calendar = WorkingDayCalendar.load(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar " + properties.calendar(), e);
        }
        for (String code : properties.timeLimits().keySet()) {
            ServiceItem.ofCode(code);
        }
    }

    public int timeLimit(ServiceItem item) {
        Integer days = properties.timeLimits().get(item.code());
        if (days == null) {
            throw new IllegalStateException("no time limit configured for item " + item.code());
        }
        return days;
    }

    /**
     * The clock of a case delivered at {@code deliveredAt}: due at the end of the item's last working day
     * in China time, with the warning at the start of that day.
     */
    public Clock start(ServiceItem item, Instant deliveredAt) {
        LocalDate delivered = LocalDate.ofInstant(deliveredAt, CHINA);
        DueDate due = calendar.dueDate(delivered, timeLimit(item));
        if (!due.isCertain()) {
            log.warn("the working-day calendar has no data for {}: counted Monday to Friday there", due.yearsWithoutData());
            meters.counter("tongban.deadline.calendar.gaps").increment();
        }
        return new Clock(due.date().atTime(LocalTime.MAX).atZone(CHINA).toInstant(),
                due.date().atStartOfDay(CHINA).toInstant());
    }

    /** When a case is due and when both centers are warned. */
    public record Clock(Instant dueAt, Instant warnAt) {
    }
}
