package cn.tongban.center.loan;

import java.util.Objects;

/**
 * What a loan answers to a repayment or a write-off: applied, with the loan as it now is, or refused with a
 * stable reason code and a text a clerk can read out. A refusal is an answer, not an error.
 */
public sealed interface LoanChange {

    default boolean isApplied() {
        return this instanceof Applied;
    }

    /** Applied: {@code loan} is the loan after the change; the loan asked is unchanged. */
    record Applied(Loan loan) implements LoanChange {

        public Applied {
            Objects.requireNonNull(loan, "loan");
        }
    }

    /**
     * Not applied.
     *
     * @param reasonCode stable and machine-readable, e.g. {@code MORE_THAN_DUE}
     * @param reason in Chinese, for the clerk
     */
    record Refused(String reasonCode, String reason) implements LoanChange {

        public Refused {
            if (reasonCode == null || !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a reason code is upper-case letters, digits and _");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal gives its reason");
            }
        }
    }
}
