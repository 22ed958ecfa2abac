package cn.tongban.center.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.center.department.DepartmentUnavailable;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The daily reconciliation run: the bank's statement fetched, the instructions gathered, the report kept. */
class PaymentReconciliationServiceTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("reconciliation");
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    static final String PAID = "WD-110000-20261125-000001";
    static final String NOT_BOOKED = "WD-110000-20261125-000002";
    static final String NOT_PAID = "WD-110000-20261125-000003";
    static final String OTHER_AMOUNT = "WD-110000-20261125-000004";
    /** Settled at 23:30 China time on the day before: 15:30 UTC, not part of this day. */
    static final Instant LATE_THE_DAY_BEFORE = Instant.parse("2026-11-24T15:30:00Z");

    @RegisterExtension
    static WireMockExtension bank = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MongoTemplate mongo = MONGO.template();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T17:00:00Z"));
    PaymentReconciliationService reconciliation;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void freshStore() {
        mongo.dropCollection(PaymentInstructionStore.COLLECTION);
        mongo.dropCollection(PaymentReconciliationService.REPORTS);
        PaymentInstructionStore store = new PaymentInstructionStore(mongo, new OutboxWriter(mongo, null), clock);
        reconciliation = new PaymentReconciliationService(TestDepartments.bank(bank.baseUrl()), store, mongo, clock);
        settled(PAID, "52000.00", Instant.parse("2026-11-25T02:00:05Z"));
        settled(NOT_BOOKED, "1000.00", Instant.parse("2026-11-25T03:00:00Z"));
        settled(NOT_PAID, "300.00", LATE_THE_DAY_BEFORE);
        settled(OTHER_AMOUNT, "400.00", Instant.parse("2026-11-25T04:00:00Z"));
    }

    void settled(String id, String yuan, Instant at) {
        mongo.insert(new PaymentInstruction(id, id.substring(3), "110000000123", "6217000010001234567", "张三",
                Money.parse(yuan), PaymentState.SETTLED, 1, "BR" + id, null, null, at, at, at, List.of()),
                PaymentInstructionStore.COLLECTION);
    }

    static LedgerEntry withdrawal(String serial, String yuan) {
        return LedgerEntry.debit(serial, DAY, BusinessType.PARTIAL_WITHDRAWAL, Money.parse(yuan));
    }

    @Test
    void theDaysStatementAgainstTheLedgerFindsEachKindOfMismatchAndTheReportIsKept() {
        // (d)
        bank.stubFor(get("/bank/v1/statements/2026-11-25").willReturn(okJson("""
                {"statementDate": "2026-11-25", "entries": [
                  {"instructionId": "%s", "amountFen": 5200000, "status": "SETTLED"},
                  {"instructionId": "%s", "amountFen": 100000, "status": "SETTLED"},
                  {"instructionId": "%s", "amountFen": 45000, "status": "SETTLED"}]}"""
                .formatted(PAID, NOT_BOOKED, OTHER_AMOUNT))));
        List<LedgerEntry> entries = List.of(withdrawal(PAID, "52000.00"), withdrawal(NOT_PAID, "300.00"),
                withdrawal(OTHER_AMOUNT, "400.00"));

        PaymentReconciliationReport report = reconciliation.reconcile(DAY, entries);

        assertThat(report.mismatches()).extracting(PaymentMismatch::instructionId, PaymentMismatch::kind).containsExactly(
                tuple(NOT_BOOKED, PaymentMismatch.Kind.PAID_NOT_IN_LEDGER),
                tuple(NOT_PAID, PaymentMismatch.Kind.IN_LEDGER_NOT_PAID),
                tuple(OTHER_AMOUNT, PaymentMismatch.Kind.AMOUNT_DIFFERS));
        assertThat(report.statementLines()).isEqualTo(3);
        assertThat(report.instructions()).isEqualTo(4);
        assertThat(report.isBalanced()).isFalse();
        assertThat(reconciliation.report(DAY)).contains(report);
    }

    @Test
    void reconcilingADayAgainReplacesItsReport() {
        bank.stubFor(get("/bank/v1/statements/2026-11-25").willReturn(okJson("""
                {"statementDate": "2026-11-25", "entries": [
                  {"instructionId": "%s", "amountFen": 5200000, "status": "SETTLED"},
                  {"instructionId": "%s", "amountFen": 100000, "status": "SETTLED"},
                  {"instructionId": "%s", "amountFen": 40000, "status": "SETTLED"}]}"""
                .formatted(PAID, NOT_BOOKED, OTHER_AMOUNT))));
        reconciliation.reconcile(DAY, List.of(withdrawal(PAID, "52000.00")));

        PaymentReconciliationReport second = reconciliation.reconcile(DAY, List.of(withdrawal(PAID, "52000.00"),
                withdrawal(NOT_BOOKED, "1000.00"), withdrawal(OTHER_AMOUNT, "400.00")));

        assertThat(second.isBalanced()).isTrue();
        assertThat(mongo.getCollection(PaymentReconciliationService.REPORTS).countDocuments()).isEqualTo(1);
        assertThat(reconciliation.report(DAY).orElseThrow().isBalanced()).isTrue();
    }

    @Test
    void withoutTheBanksStatementNothingIsReconciled() {
        bank.stubFor(get("/bank/v1/statements/2026-11-25").willReturn(serverError()));

        assertThatThrownBy(() -> reconciliation.reconcile(DAY, List.of())).isInstanceOf(DepartmentUnavailable.class);
        assertThat(reconciliation.report(DAY)).isEmpty();
    }
}
