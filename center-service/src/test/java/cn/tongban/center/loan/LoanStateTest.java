package cn.tongban.center.loan;

import static cn.tongban.center.loan.LoanState.ACTIVE;
import static cn.tongban.center.loan.LoanState.OVERDUE;
import static cn.tongban.center.loan.LoanState.PAID_OFF;
import static cn.tongban.center.loan.LoanState.WRITTEN_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole 4 × 4 table of loan-state moves. */
class LoanStateTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "ACTIVE,      ACTIVE,      false",
            "ACTIVE,      OVERDUE,     true",
            "ACTIVE,      PAID_OFF,    true",
            "ACTIVE,      WRITTEN_OFF, false",
            "OVERDUE,     ACTIVE,      true",
            "OVERDUE,     OVERDUE,     false",
            "OVERDUE,     PAID_OFF,    true",
            "OVERDUE,     WRITTEN_OFF, true",
            "PAID_OFF,    ACTIVE,      false",
            "PAID_OFF,    OVERDUE,     false",
            "PAID_OFF,    PAID_OFF,    false",
            "PAID_OFF,    WRITTEN_OFF, false",
            "WRITTEN_OFF, ACTIVE,      false",
            "WRITTEN_OFF, OVERDUE,     false",
            "WRITTEN_OFF, PAID_OFF,    false",
            "WRITTEN_OFF, WRITTEN_OFF, false",
    })
    void theTableSaysWhichMovesAreLegal(LoanState from, LoanState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, false", "OVERDUE, false", "PAID_OFF, true", "WRITTEN_OFF, true"})
    void paidOffAndWrittenOffAreTerminal(LoanState state, boolean closed) {
        assertThat(state.isClosed()).isEqualTo(closed);
        assertThat(state.nextStates().isEmpty()).isEqualTo(closed);
    }

    /** A new state must be added to the table above. */
    @Test
    void theTableNamesEveryState() {
        assertThat(LoanState.values()).containsExactly(ACTIVE, OVERDUE, PAID_OFF, WRITTEN_OFF);
    }
}
