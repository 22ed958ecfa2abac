package cn.tongban.platform.deadline;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.platform.deadlines}: the time limit of each service item in working days (办理时限),
 * counted from the handling center's delivery receipt.
 *
 * @param timeLimits working days by item code ("02" → 3)
 * @param calendar classpath or file location of the working-day calendar data
 * @param scanInterval how often the deadline watch looks for timers due
 * @param batchSize how many due timers one query of the watch takes
 * @param leaseFor how long a replica's scan lease lasts at most: a replica killed in the middle of a scan keeps
 *                 the others from scanning until then (longer than a scan of the biggest batch of due timers)
 */
@Validated
@ConfigurationProperties("tongban.platform.deadlines")
public record DeadlineProperties(@NotEmpty Map<String, Integer> timeLimits,
                                 @DefaultValue("classpath:calendar/cn-workday-calendar.yaml") String calendar,
                                 @DefaultValue("5s") java.time.Duration scanInterval,
                                 @DefaultValue("500") @jakarta.validation.constraints.Min(1) int batchSize,
                                 @DefaultValue("1m") java.time.Duration leaseFor) {
}
