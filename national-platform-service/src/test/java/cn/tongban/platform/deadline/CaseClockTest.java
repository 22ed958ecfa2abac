package cn.tongban.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseDeadlineChanged;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseExtensionAgreed;
import cn.tongban.contracts.casefile.CaseExtensionDeclined;
import cn.tongban.contracts.casefile.CaseExtensionRequested;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.CaseSupplementRequested;
import cn.tongban.contracts.casefile.CaseSupplemented;
import cn.tongban.contracts.casefile.MaterialReference;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.kit.messaging.AtomicChange;
import cn.tongban.kit.messaging.MalformedEventException;
import cn.tongban.kit.messaging.Outcome;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The clock of a case through its steps, as the relay applies them: delivery starts it, a request for
 * missing materials (补正) stops it, the materials start it again with the working days that were left, an
 * agreed extension (延期) moves the due date. Every expected date is counted by hand on the 2026 calendar:
 * <pre>
 *     February 2026              March 2026          September 2026             October 2026
 * Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su    Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su
 *                    1                        1        1  2  3  4  5  6                1  2  3  4
 *  2  3  4  5  6  7  8      2  3  4  5  6  7  8     7  8  9 10 11 12 13       5  6  7  8  9 10 11
 *  9 10 11 12 13 [14] 15    9 10 11 12 13 14 15    14 15 16 17 18 19 [20]    12 13 14 15 16 17 18
 * 16 17 18 19 20 21 22                             21 22 23 24 25 26 27      19 20 21 22 23 24 25
 * 23 24 25 26 27 [28]                              28 29 30                  26 27 28 29 30 31
 * </pre>
 * Spring Festival 02-15..02-23 off, Saturdays 02-14 and 02-28 worked; Mid-Autumn 09-25..09-27 off;
 * National Day 10-01..10-07 off, Saturday 10-10 worked ([..] = adjusted working day). Times are China time.
 */
class CaseClockTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode BEIJING = CenterCode.of("110000");
    static final MaterialReference CONTRACT_PAGE = new MaterialReference("310000-doc-1", "购房合同扫描件第3页",
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T02:00:00Z"));
    PlatformStore store;
    Deadlines deadlines;
    AtomicInteger eventIds = new AtomicInteger();

    @BeforeEach
    void setUp() {
        store = new PlatformStore("case_clock_test", clock);
        deadlines = new Deadlines(new DeadlineProperties(Map.of("02", 3, "06", 7), "classpath:calendar/cn-workday-calendar.yaml",
                Duration.ofSeconds(5), 500, Duration.ofMinutes(1)), new DefaultResourceLoader(), new SimpleMeterRegistry(), store.events);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** 10:00 China time on that day. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(CHINA).toInstant();
    }

    /** The end of that day, China time: when a case due that day is overdue. */
    private static Instant endOf(String day) {
        return LocalDate.parse(day).plusDays(1).atStartOfDay(CHINA).toInstant().minusMillis(1);
    }

    /** A joint-handling case (item 06, 7 working days) from Shanghai to Beijing, delivered on {@code day}. */
    private String deliveredOn(String day) {
        String id = "310000-" + day.replace("-", "") + "-000001";
        clock.set(at(day).minusSeconds(60));
        store.writer.create(PlatformCaseStore.COLLECTION, new PlatformCase(id, ServiceItem.HOME_PURCHASE_WITHDRAWAL,
                HandlingMode.JOINT, SHANGHAI, BEIJING, CaseState.SUBMITTED, clock.instant(), null, null, null, null, null,
                clock.instant(), List.of()), null, List.of());
        step(id, day, new CaseDelivered(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, at(day)), CaseState.DELIVERED);
        return id;
    }

    /** What the relay does with one step: the state move and the clock's part of it, in one atomic change. */
    private Outcome step(String id, String day, CaseEvent event, CaseState target) {
        return step(id, day, event, target, "event-" + eventIds.incrementAndGet());
    }

    private Outcome step(String id, String day, CaseEvent event, CaseState target, String eventId) {
        clock.set(at(day));
        PlatformCase current = store.find(id);
        AtomicChange change = AtomicChange.of(PlatformCaseStore.COLLECTION, id).handling(eventId)
                .whenIn("state", CaseState.predecessorsOf(target)).set("state", target);
        deadlines.onStep(current, event, target, clock.instant(), change);
        return store.writer.apply(change);
    }

    private CaseSupplementRequested materialsAsked(String id, String day) {
        return new CaseSupplementRequested(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING,
                List.of("购房合同扫描件第3页"), "第3页不清晰", at(day));
    }

    private CaseSupplemented materialsSupplied(String id, String day) {
        return new CaseSupplemented(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI, List.of(CONTRACT_PAGE), at(day));
    }

    private DeadlineWatch watch() {
        LockProvider always = configuration -> Optional.of(() -> { });
        return new DeadlineWatch(store.mongo, store.writer, store.events, always, clock, new SimpleMeterRegistry(), 50,
                Duration.ofMinutes(1));
    }

    @Test
    void deliveredOnThursdayBeforeTheSpringFestivalSevenWorkingDaysEndOnTheAdjustedSaturday() {
        // Fri 02-06 (1), Mon 9 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5), Fri 13 (6), Sat 14 adjusted (7)
        String id = deliveredOn("2026-02-05");

        assertThat(store.find(id).dueAt()).isEqualTo(endOf("2026-02-14"));
    }

    @Test
    void materialsAskedForBeforeTheSpringFestivalStopTheClockAndItRunsOnWithTheDaysLeftAfterTheHoliday() {
        String id = deliveredOn("2026-02-05");

        // asked on Tue 02-10: left are Wed 11, Thu 12, Fri 13, Sat 14 = 4 working days
        assertThat(step(id, "2026-02-10", materialsAsked(id, "2026-02-10"), CaseState.AWAITING_SUPPLEMENT)).isEqualTo(Outcome.APPLIED);
        PlatformCase paused = store.find(id);
        assertThat(paused.dueAt()).as("no due time while the clock stands still").isNull();
        assertThat(paused.openPause()).hasValueSatisfying(pause -> {
            assertThat(pause.remainingWorkingDays()).isEqualTo(4);
            assertThat(pause.dueBefore()).isEqualTo(endOf("2026-02-14"));
            assertThat(pause.missing()).containsExactly("购房合同扫描件第3页");
        });

        clock.set(endOf("2026-02-14").plusSeconds(60));
        assertThat(watch().scanOnce()).as("a stopped clock is neither warned nor breached").isZero();

        // supplied on Wed 02-25: Thu 26 (1), Fri 27 (2), Sat 28 adjusted (3), Mon 03-02 (4)
        assertThat(step(id, "2026-02-25", materialsSupplied(id, "2026-02-25"), CaseState.SUPPLEMENTED)).isEqualTo(Outcome.APPLIED);
        PlatformCase resumed = store.find(id);
        assertThat(resumed.dueAt()).isEqualTo(endOf("2026-03-02"));
        assertThat(resumed.warnAt()).isEqualTo(LocalDate.parse("2026-03-02").atStartOfDay(CHINA).toInstant());
        assertThat(resumed.openPause()).isEmpty();
        assertThat(resumed.pauses()).singleElement().satisfies(pause -> {
            assertThat(pause.until()).isEqualTo(at("2026-02-25"));
            assertThat(pause.dueAfter()).isEqualTo(endOf("2026-03-02"));
        });

        assertThat(store.outbox(id)).extracting(e -> e.getString("type") + " " + e.getString("topic")).contains(
                "tongban.case.deadline-changed.v1 tongban.center.310000.inbound",
                "tongban.case.deadline-changed.v1 tongban.center.110000.inbound",
                "tongban.case.deadline-changed.v1 tongban.platform.events");
    }

    @Test
    void materialsSuppliedDuringTheHolidayCountFromTheFirstWorkingDayBack() {
        String id = deliveredOn("2026-02-05");
        step(id, "2026-02-10", materialsAsked(id, "2026-02-10"), CaseState.AWAITING_SUPPLEMENT);

        // supplied on Wed 02-18, a day off: Tue 24 (1), Wed 25 (2), Thu 26 (3), Fri 27 (4)
        step(id, "2026-02-18", materialsSupplied(id, "2026-02-18"), CaseState.SUPPLEMENTED);

        assertThat(store.find(id).dueAt()).isEqualTo(endOf("2026-02-27"));
    }

    @Test
    void materialsAskedForOnTheLastDayLeaveNoDaysAndTheCaseIsDueOnTheDayTheyCome() {
        String id = deliveredOn("2026-02-05");
        step(id, "2026-02-14", materialsAsked(id, "2026-02-14"), CaseState.AWAITING_SUPPLEMENT);
        assertThat(store.find(id).openPause().orElseThrow().remainingWorkingDays()).isZero();

        step(id, "2026-02-24", materialsSupplied(id, "2026-02-24"), CaseState.SUPPLEMENTED);

        assertThat(store.find(id).dueAt()).isEqualTo(endOf("2026-02-24"));
    }

    @Test
    void anExtensionAgreedBeforeNationalDayMovesTheDueDateByWorkingDaysAfterIt() {
        // delivered Mon 09-28: Tue 29 (1), Wed 30 (2), Thu 10-08 (3), Fri 09 (4), Sat 10 adjusted (5), Mon 12 (6), Tue 13 (7)
        String id = deliveredOn("2026-09-28");
        assertThat(store.find(id).dueAt()).isEqualTo(endOf("2026-10-13"));

        step(id, "2026-09-29", new CaseExtensionRequested(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, 5,
                "需向不动产登记部门核实", at("2026-09-29")), CaseState.EXTENSION_REQUESTED);
        assertThat(store.find(id).openExtension()).hasValueSatisfying(e -> {
            assertThat(e.number()).isEqualTo(1);
            assertThat(e.requestedBy()).isEqualTo(BEIJING);
            assertThat(e.answer()).isEqualTo(PlatformCase.Extension.Answer.PENDING);
        });
        assertThat(store.find(id).dueAt()).as("the old due date holds until the answer").isEqualTo(endOf("2026-10-13"));

        // agreed: Wed 10-14 (1), Thu 15 (2), Fri 16 (3), Mon 19 (4), Tue 20 (5)
        step(id, "2026-09-29", new CaseExtensionAgreed(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI, 5,
                "同意", at("2026-09-29")), CaseState.EXTENSION_AGREED);
        PlatformCase extended = store.find(id);
        assertThat(extended.dueAt()).isEqualTo(endOf("2026-10-20"));
        assertThat(extended.openExtension()).isEmpty();
        assertThat(extended.extensions()).singleElement().satisfies(e -> {
            assertThat(e.answer()).isEqualTo(PlatformCase.Extension.Answer.AGREED);
            assertThat(e.answerReason()).isEqualTo("同意");
            assertThat(e.dueBefore()).isEqualTo(endOf("2026-10-13"));
            assertThat(e.dueAfter()).isEqualTo(endOf("2026-10-20"));
        });

        // a second request, declined: the due date stays
        step(id, "2026-10-16", new CaseExtensionRequested(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, 3,
                "仍需核实", at("2026-10-16")), CaseState.EXTENSION_REQUESTED);
        step(id, "2026-10-16", new CaseExtensionDeclined(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI,
                "申请人急需用款", at("2026-10-16")), CaseState.EXTENSION_DECLINED);
        PlatformCase declined = store.find(id);
        assertThat(declined.dueAt()).isEqualTo(endOf("2026-10-20"));
        assertThat(declined.extensions()).extracting(PlatformCase.Extension::answer)
                .containsExactly(PlatformCase.Extension.Answer.AGREED, PlatformCase.Extension.Answer.DECLINED);
        assertThat(declined.state()).isEqualTo(CaseState.EXTENSION_DECLINED);
    }

    @Test
    void aCaseWarnedOnItsLastDayIsWarnedAgainOnTheLastDayOfItsExtension() {
        String id = deliveredOn("2026-09-28");
        clock.set(LocalDate.parse("2026-10-13").atStartOfDay(CHINA).toInstant().plusSeconds(60));
        assertThat(watch().scanOnce()).isEqualTo(1);
        assertThat(store.find(id).warnedAt()).isNotNull();

        step(id, "2026-10-13", new CaseExtensionRequested(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, 2,
                "等待不动产登记回复", at("2026-10-13")), CaseState.EXTENSION_REQUESTED);
        step(id, "2026-10-13", new CaseExtensionAgreed(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI, 2,
                "同意", at("2026-10-13")), CaseState.EXTENSION_AGREED);
        assertThat(store.find(id).warnedAt()).isNull();

        clock.set(endOf("2026-10-13").plusSeconds(60));
        assertThat(watch().scanOnce()).as("no breach on the old due date").isZero();
        // Wed 14 (1), Thu 15 (2): warned at the start of the 15th
        clock.set(LocalDate.parse("2026-10-15").atStartOfDay(CHINA).toInstant().plusSeconds(60));
        assertThat(watch().scanOnce()).isEqualTo(1);
        clock.set(endOf("2026-10-15").plusSeconds(60));
        assertThat(watch().scanOnce()).isEqualTo(1);
        assertThat(store.find(id).breachedAt()).isEqualTo(endOf("2026-10-15").plusSeconds(60));
    }

    @Test
    void anAgreementToOtherDaysThanAskedForIsRefused() {
        String id = deliveredOn("2026-09-28");
        step(id, "2026-09-29", new CaseExtensionRequested(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, 5,
                "需核实", at("2026-09-29")), CaseState.EXTENSION_REQUESTED);

        assertThatThrownBy(() -> step(id, "2026-09-29", new CaseExtensionAgreed(CaseId.of(id),
                ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI, 10, "同意十天", at("2026-09-29")), CaseState.EXTENSION_AGREED))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("5 working days were asked for");
        assertThat(store.find(id).state()).isEqualTo(CaseState.EXTENSION_REQUESTED);
    }

    @Test
    void theSameSupplementTwiceIsADuplicateAndAnAnswerToNoRequestIsRefusedByTheStateCheck() {
        String id = deliveredOn("2026-02-05");
        step(id, "2026-02-10", materialsAsked(id, "2026-02-10"), CaseState.AWAITING_SUPPLEMENT);
        assertThat(step(id, "2026-02-25", materialsSupplied(id, "2026-02-25"), CaseState.SUPPLEMENTED, "supplied-once"))
                .isEqualTo(Outcome.APPLIED);

        assertThat(step(id, "2026-02-26", materialsSupplied(id, "2026-02-25"), CaseState.SUPPLEMENTED, "supplied-once"))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(store.find(id).dueAt()).isEqualTo(endOf("2026-03-02"));
        assertThat(step(id, "2026-02-26", new CaseExtensionDeclined(CaseId.of(id), ServiceItem.HOME_PURCHASE_WITHDRAWAL,
                SHANGHAI, "没有延期申请", at("2026-02-26")), CaseState.EXTENSION_DECLINED)).isEqualTo(Outcome.CONFLICT);
    }

    @Test
    void thePauseNoticeTellsBothCentersTheDaysKept() {
        String id = deliveredOn("2026-02-05");
        step(id, "2026-02-10", materialsAsked(id, "2026-02-10"), CaseState.AWAITING_SUPPLEMENT);

        assertThat(store.outbox(id)).filteredOn(e -> "tongban.case.deadline-changed.v1".equals(e.getString("type")))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getString("data")).contains("\"cause\":\"" + CaseDeadlineChanged.Cause.PAUSED + "\"", "\"remainingWorkingDays\":4"));
    }
}
