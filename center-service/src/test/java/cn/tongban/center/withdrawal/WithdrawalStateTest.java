package cn.tongban.center.withdrawal;

import static cn.tongban.center.withdrawal.WithdrawalState.CHECKED;
import static cn.tongban.center.withdrawal.WithdrawalState.CLOSED;
import static cn.tongban.center.withdrawal.WithdrawalState.PAID;
import static cn.tongban.center.withdrawal.WithdrawalState.PAYING;
import static cn.tongban.center.withdrawal.WithdrawalState.PAYMENT_FAILED;
import static cn.tongban.center.withdrawal.WithdrawalState.REJECTED;
import static cn.tongban.center.withdrawal.WithdrawalState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The withdrawal case's transition table, as a table. */
class WithdrawalStateTest {

    static final Map<WithdrawalState, Set<WithdrawalState>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(CHECKED, REJECTED),
            CHECKED, EnumSet.of(PAYING),
            PAYING, EnumSet.of(PAID, PAYMENT_FAILED),
            PAID, EnumSet.of(CLOSED),
            // staff pay a failed payment again, as the next numbered attempt
            PAYMENT_FAILED, EnumSet.of(PAYING),
            CLOSED, EnumSet.noneOf(WithdrawalState.class),
            REJECTED, EnumSet.noneOf(WithdrawalState.class));

    @Test
    void everyMoveIsAllowedExactlyAsTheTableSays() {
        for (WithdrawalState from : WithdrawalState.values()) {
            for (WithdrawalState to : WithdrawalState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyAClosedOrRejectedCaseIsFinal() {
        assertThat(EnumSet.allOf(WithdrawalState.class)).filteredOn(WithdrawalState::isFinal).containsExactlyInAnyOrder(CLOSED, REJECTED);
    }
}
