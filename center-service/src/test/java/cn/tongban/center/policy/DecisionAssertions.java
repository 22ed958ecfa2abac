package cn.tongban.center.policy;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading decisions in tests. */
final class DecisionAssertions {

    private DecisionAssertions() {
    }

    static <T> T approvedOutcome(Decision<T> decision) {
        assertThat(decision).as("approved").isInstanceOf(Decision.Approved.class);
        return ((Decision.Approved<T>) decision).outcome();
    }

    static <T> Decision.Rejected<T> rejection(Decision<T> decision) {
        assertThat(decision).as("rejected").isInstanceOf(Decision.Rejected.class);
        return (Decision.Rejected<T>) decision;
    }

    static <T> String reasonCode(Decision<T> decision) {
        return rejection(decision).reasonCode();
    }
}
