package cn.tongban.center.crosscenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseDeadlineChanged;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.MaterialReference;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import cn.tongban.kit.messaging.ReceivedEvent;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.testing.TestOutbox;
import cn.tongban.kit.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Missing materials and extensions between two centers, each on its own store, with the platform's
 * forwarding played by handing one center's outgoing event to the other: Beijing handles a case Shanghai
 * received at its counter.
 */
class CaseClockServiceTest {

    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode BEIJING = CenterCode.of("110000");
    static final String CASE = "310000-20260205-000001";
    static final MaterialReference CONTRACT_PAGE = new MaterialReference("310000-doc-77", "购房合同扫描件第3页",
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T02:00:00Z"));
    final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    Center shanghai;
    Center beijing;

    /** One center: its store and its case-clock service. */
    final class Center implements AutoCloseable {
        final EmbeddedMongo mongo;
        final OutboxWriter writer;
        final CaseStore cases;
        final CaseClockService service;
        final CenterCode code;

        Center(CenterCode code) {
            this.code = code;
            mongo = new EmbeddedMongo("case_clock_" + code.value());
            writer = TestOutbox.writer(mongo.template(), clock, "center-" + code.value(), CaseStore.COLLECTION);
            cases = new CaseStore(mongo.template(), clock);
            CenterProperties properties = new CenterProperties(code, "中心" + code.value(), "12329",
                    List.of(SHANGHAI, BEIJING), null);
            OutgoingEvents events = new OutgoingEvents(codec, "/centers/" + code.value(), clock);
            ProxyCertificateService progress = new ProxyCertificateService(properties, cases,
                    new AccountStore(mongo.template()), writer, events, clock);
            service = new CaseClockService(properties, cases, writer, events, codec, progress,
                    new CaseNotices(writer, clock), clock);
            CaseSide side = code.equals(SHANGHAI) ? CaseSide.REQUESTING : CaseSide.HANDLING;
            writer.create(CaseStore.COLLECTION, new CenterCase(CASE, ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT,
                    side, SHANGHAI, BEIJING, new Applicant(IdentityNumber.of("11010519491231002X"), "张三"), null, "clerk",
                    CaseState.ACCEPTED, clock.instant(), clock.instant(), List.of(), null, null, null, null, null), null, List.of());
        }

        CenterCase theCase() {
            return cases.find(CASE).orElseThrow();
        }

        /** The last event this center sent, as the platform forwards it to the other center. */
        ReceivedEvent lastSentAsForwarded() {
            List<Document> outbox = mongo.template().getCollection(CaseStore.COLLECTION).find(new Document("_id", CASE)).first()
                    .getList(OutboxEvent.FIELD, Document.class);
            Document sent = outbox.get(outbox.size() - 1);
            return new ReceivedEvent(sent.getString("eventId"), sent.getString("type"), "/platform", CASE,
                    clock.instant(), sent.getString("destination"), code.value(), null, null, "application/json",
                    sent.getString("data").getBytes(StandardCharsets.UTF_8), "tongban.center." + sent.getString("destination") + ".inbound", 0, 0);
        }

        @Override
        public void close() {
            mongo.close();
        }
    }

    @BeforeEach
    void setUp() {
        shanghai = new Center(SHANGHAI);
        beijing = new Center(BEIJING);
    }

    @AfterEach
    void tearDown() {
        shanghai.close();
        beijing.close();
    }

    @Test
    void theHandlingCenterAsksForMissingMaterialsAndTheRequestingCenterSuppliesReferences() {
        CenterCase asked = beijing.service.requestSupplement(CASE, List.of("购房合同扫描件第3页"), "第3页不清晰", "bj-reviewer");
        assertThat(asked.state()).isEqualTo(CaseState.AWAITING_SUPPLEMENT);
        ReceivedEvent request = beijing.lastSentAsForwarded();
        assertThat(request.type()).isEqualTo("tongban.case.supplement-requested.v1");
        assertThat(request.destination()).isEqualTo("310000");

        shanghai.service.onEvent(request);
        CenterCase told = shanghai.theCase();
        assertThat(told.state()).isEqualTo(CaseState.AWAITING_SUPPLEMENT);
        assertThat(told.openSupplement()).hasValueSatisfying(s -> {
            assertThat(s.missing()).containsExactly("购房合同扫描件第3页");
            assertThat(s.note()).isEqualTo("第3页不清晰");
            assertThat(s.requestedBy()).isEqualTo("110000");
        });

        clock.set(Instant.parse("2026-02-25T01:30:00Z"));
        CenterCase supplied = shanghai.service.supply(CASE, List.of(CONTRACT_PAGE), "sh-clerk");
        assertThat(supplied.state()).isEqualTo(CaseState.SUPPLEMENTED);
        ReceivedEvent materials = shanghai.lastSentAsForwarded();
        assertThat(new String(materials.data(), StandardCharsets.UTF_8)).contains("310000-doc-77", CONTRACT_PAGE.sm3())
                .doesNotContain("base64");

        beijing.service.onEvent(materials);
        CenterCase received = beijing.theCase();
        assertThat(received.state()).isEqualTo(CaseState.SUPPLEMENTED);
        assertThat(received.supplements()).singleElement().satisfies(s -> {
            assertThat(s.materials()).containsExactly(CONTRACT_PAGE);
            assertThat(s.suppliedAt()).isEqualTo(Instant.parse("2026-02-25T01:30:00Z"));
            assertThat(s.suppliedBy()).isEqualTo("310000");
        });
        assertThat(received.history()).extracting(CaseHistoryEntry::state)
                .containsExactly(CaseState.AWAITING_SUPPLEMENT, CaseState.SUPPLEMENTED);

        beijing.service.onEvent(materials);
        assertThat(beijing.theCase().history()).as("the same event twice changes nothing").hasSize(2);
    }

    @Test
    void anExtensionAskedForByTheHandlingCenterIsAgreedThenASecondIsDeclined() {
        beijing.service.requestExtension(CASE, 5, "需向不动产登记部门核实", "bj-reviewer");
        shanghai.service.onEvent(beijing.lastSentAsForwarded());
        assertThat(shanghai.theCase().state()).isEqualTo(CaseState.EXTENSION_REQUESTED);
        assertThat(shanghai.theCase().openExtension()).hasValueSatisfying(e -> assertThat(e.workingDays()).isEqualTo(5));

        CenterCase agreed = shanghai.service.answerExtension(CASE, true, "同意，已告知申请人", "sh-reviewer");
        assertThat(agreed.state()).isEqualTo(CaseState.EXTENSION_AGREED);
        ReceivedEvent answer = shanghai.lastSentAsForwarded();
        assertThat(new String(answer.data(), StandardCharsets.UTF_8)).contains("\"workingDays\":5");
        beijing.service.onEvent(answer);
        assertThat(beijing.theCase().extensions()).singleElement().satisfies(e -> {
            assertThat(e.agreed()).isTrue();
            assertThat(e.answer()).isEqualTo("同意，已告知申请人");
            assertThat(e.answeredBy()).isEqualTo("310000");
        });

        beijing.service.requestExtension(CASE, 3, "仍需核实", "bj-reviewer");
        shanghai.service.onEvent(beijing.lastSentAsForwarded());
        shanghai.service.answerExtension(CASE, false, "申请人急需用款", "sh-reviewer");
        beijing.service.onEvent(shanghai.lastSentAsForwarded());
        assertThat(beijing.theCase().state()).isEqualTo(CaseState.EXTENSION_DECLINED);
        assertThat(beijing.theCase().extensions()).extracting(CenterCase.ExtensionRequest::agreed).containsExactly(true, false);
    }

    @Test
    void onlyTheRightSideTakesEachStepAndOnlyWhenTheCaseIsReady() {
        assertThatThrownBy(() -> shanghai.service.requestSupplement(CASE, List.of("x"), "", "sh-clerk"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("only the handling center");
        assertThatThrownBy(() -> beijing.service.answerExtension(CASE, true, "好", "bj"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("only the requesting center");
        assertThatThrownBy(() -> shanghai.service.answerExtension(CASE, true, "好", "sh"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("no extension was asked for");
        assertThatThrownBy(() -> shanghai.service.supply(CASE, List.of(CONTRACT_PAGE), "sh"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("no materials are awaited");

        beijing.service.requestExtension(CASE, 5, "需核实", "bj");
        assertThatThrownBy(() -> beijing.service.requestSupplement(CASE, List.of("x"), "", "bj"))
                .as("an extension request is answered first").isInstanceOf(ApiProblem.class)
                .hasMessageContaining("cannot move to AWAITING_SUPPLEMENT");
    }

    @Test
    void bothCentersShowTheDueDateThePlatformSets() {
        CaseDeadlineChanged extended = new CaseDeadlineChanged(CaseId.of(CASE), ServiceItem.HOME_PURCHASE_WITHDRAWAL, SHANGHAI,
                BEIJING, CaseDeadlineChanged.Cause.EXTENDED, Instant.parse("2026-03-09T15:59:59.999Z"), 11, clock.instant());
        for (Center center : List.of(shanghai, beijing)) {
            center.service.onEvent(new ReceivedEvent("platform-1", CaseDeadlineChanged.TYPE.toString(), "/platform", CASE,
                    clock.instant(), center.code.value(), null, null, null, "application/json", codec.toJson(extended).getBytes(StandardCharsets.UTF_8),
                    "tongban.center." + center.code.value() + ".inbound", 0, 0));
            assertThat(center.theCase().dueAt()).isEqualTo(Instant.parse("2026-03-09T15:59:59.999Z"));
            assertThat(center.theCase().history()).last().satisfies(h -> assertThat(h.note()).contains("办理时限变更"));
        }
    }
}
