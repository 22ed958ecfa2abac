package cn.tongban.contracts.casefile;

import static cn.tongban.contracts.casefile.CaseState.ACCEPTED;
import static cn.tongban.contracts.casefile.CaseState.COMPLETED;
import static cn.tongban.contracts.casefile.CaseState.DELIVERED;
import static cn.tongban.contracts.casefile.CaseState.REJECTED;
import static cn.tongban.contracts.casefile.CaseState.RESULT_SENT;
import static cn.tongban.contracts.casefile.CaseState.SUBMITTED;
import static cn.tongban.contracts.casefile.CaseState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseStateTest {

    /**
     * The whole transition table, written out so that a change to {@link CaseState} must be made here too.
     * Rows are "from", columns "to", in declaration order; {@code x} = allowed.
     */
    private static final String TABLE = """
                          SUBMITTED DELIVERED ACCEPTED RESULT_SENT COMPLETED REJECTED WITHDRAWN AWAITING_SUPPLEMENT SUPPLEMENTED EXTENSION_REQUESTED EXTENSION_AGREED EXTENSION_DECLINED
            SUBMITTED             .         x        .          .          .         x        x             .                .                .                 .                 .
            DELIVERED             .         .        x          .          .         x        x             x                .                x                 .                 .
            ACCEPTED              .         .        .          x          .         x        .             x                .                x                 .                 .
            RESULT_SENT           .         .        .          .          x         .        .             .                .                .                 .                 .
            COMPLETED             .         .        .          .          .         .        .             .                .                .                 .                 .
            REJECTED              .         .        .          .          .         .        .             .                .                .                 .                 .
            WITHDRAWN             .         .        .          .          .         .        .             .                .                .                 .                 .
            AWAITING_SUPPLEMENT   .         .        .          .          .         x        x             .                x                .                 .                 .
            SUPPLEMENTED          .         .        x          x          .         x        .             x                .                x                 .                 .
            EXTENSION_REQUESTED   .         .        .          .          .         .        .             .                .                .                 x                 x
            EXTENSION_AGREED      .         .        x          x          .         x        .             x                .                x                 .                 .
            EXTENSION_DECLINED    .         .        x          x          .         x        .             x                .                x                 .                 .
            """;

    static Stream<Arguments> everyPairOfStates() {
        List<String> lines = TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        List<CaseState> columns = Stream.of(lines.get(0).split("\\s+")).map(CaseState::valueOf).toList();
        List<Arguments> pairs = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split("\\s+");
            CaseState from = CaseState.valueOf(cells[0]);
            for (int i = 0; i < columns.size(); i++) {
                pairs.add(Arguments.of(from, columns.get(i), cells[i + 1].equals("x")));
            }
        }
        return pairs.stream();
    }

    @Test
    void theTableCoversEveryPairOfStatesOnce() {
        int n = CaseState.values().length;

        assertThat(everyPairOfStates()).hasSize(n * n);
        assertThat(everyPairOfStates().map(a -> List.of(a.get()[0], a.get()[1])).distinct()).hasSize(n * n);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPairOfStates")
    void aCaseMovesOnlyAlongTheTable(CaseState from, CaseState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(CaseState.predecessorsOf(to).contains(from)).isEqualTo(allowed);
    }

    @Test
    void completedRejectedAndWithdrawnAreTerminal() {
        Set<CaseState> terminal = EnumSet.noneOf(CaseState.class);
        for (CaseState state : CaseState.values()) {
            if (state.isTerminal()) {
                terminal.add(state);
            }
        }

        assertThat(terminal).containsExactlyInAnyOrder(COMPLETED, REJECTED, WITHDRAWN);
    }

    @Test
    void noStateMovesToItself() {
        for (CaseState state : CaseState.values()) {
            assertThat(state.canMoveTo(state)).as(state.name()).isFalse();
        }
    }

    @Test
    void aCaseStartsSubmittedAndEveryOtherStateIsReachable() {
        assertThat(CaseState.predecessorsOf(SUBMITTED)).isEmpty();
        for (CaseState state : EnumSet.complementOf(EnumSet.of(SUBMITTED))) {
            assertThat(CaseState.predecessorsOf(state)).as(state.name()).isNotEmpty();
        }
    }

    @Test
    void theClockStandsStillOnlyWhileMaterialsAreAwaitedAndStopsWithTheResult() {
        assertThat(CaseState.clockRunning()).containsExactlyInAnyOrder(DELIVERED, ACCEPTED, CaseState.SUPPLEMENTED,
                CaseState.EXTENSION_REQUESTED, CaseState.EXTENSION_AGREED, CaseState.EXTENSION_DECLINED);
        assertThat(CaseState.AWAITING_SUPPLEMENT.clockRuns()).isFalse();
        assertThat(RESULT_SENT.clockRuns()).isFalse();
    }

    @Test
    void theRequestingCenterSuppliesAndAnswersExtensionsTheHandlingCenterAsksForThem() {
        Set<CaseState> requestingCenters = EnumSet.noneOf(CaseState.class);
        for (CaseState state : CaseState.values()) {
            if (!state.isHandlingCentersMove()) {
                requestingCenters.add(state);
            }
        }
        assertThat(requestingCenters).containsExactlyInAnyOrder(SUBMITTED, COMPLETED, WITHDRAWN, CaseState.SUPPLEMENTED,
                CaseState.EXTENSION_AGREED, CaseState.EXTENSION_DECLINED);
    }

    @Test
    void anExtensionRequestIsAnsweredBeforeAnythingElseHappens() {
        assertThat(CaseState.EXTENSION_REQUESTED.canMoveTo(RESULT_SENT)).isFalse();
        assertThat(CaseState.predecessorsOf(CaseState.EXTENSION_AGREED)).containsExactly(CaseState.EXTENSION_REQUESTED);
    }

    @Test
    void aCaseCanNoLongerBeWithdrawnOnceAccepted() {
        assertThat(CaseState.predecessorsOf(WITHDRAWN)).containsExactlyInAnyOrder(SUBMITTED, DELIVERED, CaseState.AWAITING_SUPPLEMENT);
        assertThat(ACCEPTED.canMoveTo(WITHDRAWN)).isFalse();
        assertThat(RESULT_SENT.canMoveTo(REJECTED)).isFalse();
    }
}
