package cn.tongban.platform.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations gauges: one aggregate per refresh, served from memory between refreshes. */
class CaseMetricsTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode GUANGZHOU = CenterCode.of("440100");

    EmbeddedMongo embedded;
    MutableClock clock = new MutableClock(NOW);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CaseMetrics metrics;
    int next;

    @BeforeEach
    void setUp() {
        embedded = new EmbeddedMongo("case_metrics_test");
        metrics = new CaseMetrics(embedded.template(), clock, meters);
    }

    @AfterEach
    void tearDown() {
        embedded.close();
    }

    private void aCase(ServiceItem item, CenterCode handling, CaseState state, Instant dueAt) {
        HandlingMode mode = item.modes().iterator().next();
        embedded.template().insert(new PlatformCase("310000-20261125-%06d".formatted(++next), item, mode, SHANGHAI, handling,
                state, NOW, NOW, dueAt, null, null, null, NOW, List.of()), PlatformCaseStore.COLLECTION);
    }

    private double cases(String item, String handling, String state) {
        var gauge = meters.find("tongban.cases").tags("item", item, "handling_center", handling, "state", state).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double byCenter(String name, String handling) {
        var gauge = meters.find(name).tag("handling_center", handling).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Test
    void casesAreCountedByItemModeCentersAndStateAndTheLateOnesByHandlingCenter() {
        aCase(ServiceItem.CONTRIBUTION_USE_CERTIFICATE, BEIJING, CaseState.COMPLETED, NOW.minus(Duration.ofDays(3)));
        aCase(ServiceItem.CONTRIBUTION_USE_CERTIFICATE, BEIJING, CaseState.COMPLETED, NOW.minus(Duration.ofDays(2)));
        aCase(ServiceItem.CONTRIBUTION_USE_CERTIFICATE, BEIJING, CaseState.ACCEPTED, NOW.minus(Duration.ofHours(1)));
        aCase(ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, CaseState.EXTENSION_AGREED, NOW.plus(Duration.ofHours(5)));
        aCase(ServiceItem.HOME_PURCHASE_WITHDRAWAL, GUANGZHOU, CaseState.DELIVERED, NOW.plus(Duration.ofHours(20)));
        aCase(ServiceItem.HOME_PURCHASE_WITHDRAWAL, GUANGZHOU, CaseState.DELIVERED, NOW.plus(Duration.ofDays(4)));
        aCase(ServiceItem.HOME_PURCHASE_WITHDRAWAL, GUANGZHOU, CaseState.AWAITING_SUPPLEMENT, null);

        metrics.refresh();

        assertThat(cases("02", "110000", "COMPLETED")).isEqualTo(2);
        assertThat(meters.find("tongban.cases").tags("item", "06", "mode", "JOINT", "requesting_center", "310000",
                "handling_center", "440100", "state", "DELIVERED").gauge().value()).isEqualTo(2);
        assertThat(cases("06", "440100", "AWAITING_SUPPLEMENT")).isEqualTo(1);
        assertThat(byCenter("tongban.cases.overdue", "110000")).as("the accepted case an hour late").isEqualTo(1);
        assertThat(byCenter("tongban.cases.overdue", "440100")).isZero();
        assertThat(byCenter("tongban.cases.due.soon", "110000")).isEqualTo(1);
        assertThat(byCenter("tongban.cases.due.soon", "440100")).isEqualTo(1);
    }

    @Test
    void theFiguresChangeOnlyAtTheNextRefreshAndStaleRowsDisappear() {
        aCase(ServiceItem.CONTRIBUTION_USE_CERTIFICATE, BEIJING, CaseState.DELIVERED, NOW.plus(Duration.ofHours(2)));
        metrics.refresh();
        assertThat(byCenter("tongban.cases.due.soon", "110000")).isEqualTo(1);

        clock.advance(Duration.ofHours(3));
        assertThat(byCenter("tongban.cases.due.soon", "110000")).as("served from memory until the refresh").isEqualTo(1);
        metrics.refresh();
        assertThat(byCenter("tongban.cases.due.soon", "110000")).isZero();
        assertThat(byCenter("tongban.cases.overdue", "110000")).isEqualTo(1);
        assertThat(meters.find("tongban.cases.refreshed").gauge().value()).isEqualTo(NOW.plus(Duration.ofHours(3)).getEpochSecond());
    }
}
