package cn.tongban.center.bookkeeping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.ledger.*}: when the nightly bookkeeping runs and how long its lease lasts.
 *
 * @param cron when the nightly run starts, in China time (default 01:30 every day: on 1 July it settles the year that
 *        ended the day before, before any entry of the new year is booked)
 * @param lease how long one instance holds the run; longer than a run over all accounts
 * @param scheduled whether this instance runs it on schedule at all (off in tests and tools)
 */
@Validated
@ConfigurationProperties("tongban.ledger")
public record BookkeepingProperties(@DefaultValue("0 30 1 * * *") @NotBlank String cron,
                                    @DefaultValue("2h") @NotNull Duration lease,
                                    @DefaultValue("true") boolean scheduled) {
}
