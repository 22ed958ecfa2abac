package cn.tongban.center.policy;

import java.util.Objects;

/**
 * A center's decision on an application (审批结果): approved with its outcome (an amount, a loan offer …), or
 * rejected with a stable reason code and a text the clerk reads out to the applicant. A rejection is an answer,
 * not an error.
 *
 * @param <T> what an approval carries
 */
public sealed interface Decision<T> permits Decision.Approved, Decision.Rejected {

    static <T> Approved<T> approved(T outcome) {
        return new Approved<>(outcome);
    }

    static <T> Rejected<T> rejected(String reasonCode, String reason) {
        return new Rejected<>(reasonCode, reason);
    }

    default boolean isApproved() {
        return this instanceof Approved;
    }

    /** 准予 / 核准. */
    record Approved<T>(T outcome) implements Decision<T> {

        public Approved {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * 不予办理.
     *
     * @param reasonCode stable and machine-readable, e.g. {@code BUYER_NOT_ALLOWED}
     * @param reason in Chinese, for the applicant
     */
    record Rejected<T>(String reasonCode, String reason) implements Decision<T> {

        public Rejected {
            if (reasonCode == null || !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a reason code is upper-case letters, digits and _");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection gives its reason");
            }
        }
    }
}
