package cn.tongban.center.account;

import static cn.tongban.center.account.AccountState.FROZEN;
import static cn.tongban.center.account.AccountState.MERGED_CLOSED;
import static cn.tongban.center.account.AccountState.NORMAL;
import static cn.tongban.center.account.AccountState.OTHER;
import static cn.tongban.center.account.AccountState.SEALED;
import static cn.tongban.center.account.AccountState.TRANSFERRED_OUT;
import static cn.tongban.center.account.AccountState.WITHDRAWN_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole 7 × 7 table of personal-account moves, every cell stated. */
class AccountStateTransitionTest {

    /** from → the states it may move to; every other cell of the table is forbidden. */
    private static final Map<AccountState, Set<AccountState>> ALLOWED = Map.of(
            NORMAL, EnumSet.of(SEALED, FROZEN, TRANSFERRED_OUT, WITHDRAWN_CLOSED, MERGED_CLOSED),
            SEALED, EnumSet.of(NORMAL, FROZEN, TRANSFERRED_OUT, WITHDRAWN_CLOSED, MERGED_CLOSED),
            FROZEN, EnumSet.of(NORMAL, SEALED),
            OTHER, EnumSet.of(NORMAL, SEALED),
            MERGED_CLOSED, EnumSet.noneOf(AccountState.class),
            TRANSFERRED_OUT, EnumSet.noneOf(AccountState.class),
            WITHDRAWN_CLOSED, EnumSet.noneOf(AccountState.class));

    static List<Arguments> everyCell() {
        List<Arguments> cells = new ArrayList<>();
        for (AccountState from : AccountState.values()) {
            for (AccountState to : AccountState.values()) {
                cells.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyCell")
    void theTableSaysWhichMovesAreLegal(AccountState from, AccountState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryState() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(AccountState.values());
        assertThat(everyCell()).hasSize(49);
    }

    @Test
    void aSealedAccountIsUnsealedAndANormalOneSealed() {
        assertThat(NORMAL.canMoveTo(SEALED)).isTrue();
        assertThat(SEALED.canMoveTo(NORMAL)).isTrue();
    }

    @Test
    void aFrozenAccountMustBeUnfrozenBeforeItIsClosedOrTransferred() {
        assertThat(FROZEN.canMoveTo(WITHDRAWN_CLOSED)).isFalse();
        assertThat(FROZEN.canMoveTo(TRANSFERRED_OUT)).isFalse();
        assertThat(FROZEN.nextStates()).containsExactlyInAnyOrder(NORMAL, SEALED);
    }

    @Test
    void closedStatesAreTerminalAndNothingMovesToOther() {
        for (AccountState state : AccountState.values()) {
            assertThat(state.nextStates().isEmpty()).as(state + " is terminal").isEqualTo(state.isClosed());
            assertThat(state.canMoveTo(OTHER)).as(state + " → OTHER").isFalse();
            assertThat(state.canMoveTo(state)).as(state + " → itself").isFalse();
        }
    }
}
