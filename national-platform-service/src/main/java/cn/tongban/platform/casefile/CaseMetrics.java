package cn.tongban.platform.casefile;

import cn.tongban.contracts.ServiceItem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Operations gauges of the cases the platform tracks: how many by item, handling mode, both centers and
 * state; how many are overdue and how many fall due within a day, by handling center. They are one
 * aggregate of the case collection, refreshed every {@code tongban.platform.case-metrics.refresh} and served
 * from memory, so a scrape costs nothing however many cases there are. Every replica computes the same
 * figures from the shared store (take the max, not the sum, across replicas); counters kept on transitions
 * could not be, as each replica relays only part of them and forgets them on restart.
 */
@Component
public class CaseMetrics {

    private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);
    static final Duration DUE_SOON = Duration.ofDays(1);

    private final MongoOperations mongo;
    private final Clock clock;
    private final MultiGauge cases;
    private final MultiGauge overdue;
    private final MultiGauge dueSoon;
    private final AtomicLong refreshedAt = new AtomicLong();

    CaseMetrics(MongoOperations mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.cases = MultiGauge.builder("tongban.cases")
                .description("cases by item, mode, requesting and handling center and state, as of the last refresh")
                .register(meters);
        this.overdue = MultiGauge.builder("tongban.cases.overdue")
                .description("cases past their due time with no result, by handling center").register(meters);
        this.dueSoon = MultiGauge.builder("tongban.cases.due.soon")
                .description("cases with no result due within a day, by handling center").register(meters);
        meters.gauge("tongban.cases.refreshed", refreshedAt, AtomicLong::get);
    }

    /** Counts anew; a failure keeps the last figures and is tried again at the next refresh. */
    @Scheduled(fixedDelayString = "${tongban.platform.case-metrics.refresh:30s}", initialDelayString = "${tongban.platform.case-metrics.refresh:30s}")
    public void refresh() {
        try {
            Instant now = clock.instant();
            cases.register(rows(Aggregation.newAggregation(
                    Aggregation.group("item", "mode", "requestingCenter", "handlingCenter", "state").count().as("n")),
                    id -> Tags.of("item", itemCode(text(id, "item")), "mode", text(id, "mode"),
                            "requesting_center", text(id, "requestingCenter"),
                            "handling_center", text(id, "handlingCenter"), "state", text(id, "state"))), true);
            overdue.register(byHandlingCenter(Criteria.where("dueAt").lte(now)), true);
            dueSoon.register(byHandlingCenter(Criteria.where("dueAt").gt(now).lte(now.plus(DUE_SOON))), true);
            refreshedAt.set(now.getEpochSecond());
        } catch (RuntimeException e) {
            log.warn("case metrics not refreshed, keeping the last figures: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> byHandlingCenter(Criteria due) {
        Criteria running = Criteria.where("state").in(PlatformCase.CLOCK_RUNNING.stream().map(Enum::name).toList());
        return rows(Aggregation.newAggregation(Aggregation.match(new Criteria().andOperator(running, due)),
                Aggregation.group("handlingCenter").count().as("n")),
                id -> Tags.of("handling_center", String.valueOf(id)));
    }

    private List<MultiGauge.Row<?>> rows(Aggregation aggregation, java.util.function.Function<Object, Tags> tags) {
        return mongo.aggregate(aggregation, PlatformCaseStore.COLLECTION, Document.class).getMappedResults().stream()
                .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(tags.apply(row.get("_id")), ((Number) row.get("n")).longValue()))
                .toList();
    }

    /** The catalogue code (02, 06 …), as everywhere else; the store keeps the enum's name. */
    private static String itemCode(String stored) {
        try {
            return ServiceItem.valueOf(stored).code();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    private static String text(Object id, String field) {
        return id instanceof Document d && d.get(field) != null ? d.get(field).toString() : "none";
    }
}
