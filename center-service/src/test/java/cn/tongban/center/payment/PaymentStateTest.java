package cn.tongban.center.payment;

import static cn.tongban.center.payment.PaymentState.FAILED;
import static cn.tongban.center.payment.PaymentState.REQUESTED;
import static cn.tongban.center.payment.PaymentState.SENT;
import static cn.tongban.center.payment.PaymentState.SETTLED;
import static cn.tongban.center.payment.PaymentState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payment instruction's moves, as a table. */
class PaymentStateTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "REQUESTED, SENT,      true",
            "REQUESTED, SETTLED,   false",
            "REQUESTED, FAILED,    false",
            "REQUESTED, UNKNOWN,   false",
            "SENT,      SETTLED,   true",
            "SENT,      FAILED,    true",
            "SENT,      UNKNOWN,   true",
            "SENT,      REQUESTED, true",
            "UNKNOWN,   SETTLED,   true",
            "UNKNOWN,   FAILED,    true",
            "UNKNOWN,   SENT,      true",
            "UNKNOWN,   REQUESTED, false",
            "SETTLED,   SENT,      false",
            "SETTLED,   FAILED,    false",
            "SETTLED,   UNKNOWN,   false",
            "SETTLED,   REQUESTED, false",
            "FAILED,    SENT,      false",
            "FAILED,    SETTLED,   false",
            "FAILED,    REQUESTED, false",
    })
    void moves(PaymentState from, PaymentState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} is final: {1}")
    @CsvSource({"REQUESTED, false", "SENT, false", "UNKNOWN, false", "SETTLED, true", "FAILED, true"})
    void finalStates(PaymentState state, boolean isFinal) {
        assertThat(state.isFinal()).isEqualTo(isFinal);
    }

    @ParameterizedTest(name = "{0} is reached from {1}")
    @CsvSource(delimiter = ';', value = {
            "SENT; REQUESTED UNKNOWN",
            "SETTLED; SENT UNKNOWN",
            "FAILED; SENT UNKNOWN",
            "UNKNOWN; SENT",
            "REQUESTED; SENT"})
    void predecessors(PaymentState target, String from) {
        Set<PaymentState> expected = EnumSet.noneOf(PaymentState.class);
        for (String state : from.split(" ")) {
            expected.add(PaymentState.valueOf(state));
        }
        assertThat(PaymentState.predecessorsOf(target)).isEqualTo(expected);
    }

    @Test
    void nothingIsPaidWithoutBeingSentFirst() {
        assertThat(PaymentState.predecessorsOf(SETTLED)).doesNotContain(REQUESTED);
        assertThat(EnumSet.of(SETTLED, FAILED)).allMatch(PaymentState::isFinal);
        assertThat(UNKNOWN.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(SENT)).isFalse();
    }
}
