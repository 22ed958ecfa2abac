package cn.tongban.center.repayment;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.event.Topics;
import cn.tongban.contracts.loan.LoanPaidOff;
import cn.tongban.kit.messaging.OutboxEvent;
import cn.tongban.kit.messaging.OutgoingEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The event a settled payoff leaves in the payoff instruction's outbox: {@link LoanPaidOff} on the operations topic
 * {@value Topics#PLATFORM_EVENTS}. Not {@code tongban.relay.inbound}: that topic is read by the platform's relay, which
 * moves cases and has nothing to relay here; the operations topic is where dashboards and reports read what happens,
 * and the event's source ({@code /centers/<code>}) tells it from the platform's case lifecycle.
 */
@Component
class PayoffEvents {

    private final Supplier<CaseId> serials;
    private final CenterCode center;
    private final OutgoingEvents events;

    @Autowired
    PayoffEvents(CaseStore cases, CenterProperties center, OutgoingEvents events) {
        this(() -> cases.nextId(center.code()), center.code(), events);
    }

    PayoffEvents(Supplier<CaseId> serials, CenterCode center, OutgoingEvents events) {
        this.serials = serials;
        this.center = center;
        this.events = events;
    }

    OutboxEvent paidOff(PayoffInstruction settled, LocalDate repaidOn, Instant at) {
        return events.of(new LoanPaidOff(serials.get(), center, settled.contractNumber(), settled.id(), settled.amount(),
                repaidOn, at), Topics.PLATFORM_EVENTS, null, null);
    }
}
