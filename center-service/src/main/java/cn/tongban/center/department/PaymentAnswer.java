package cn.tongban.center.department;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of sending a payment instruction, in the four cases that call for different handling. Only
 * {@link OutcomeUnknown} leaves it open whether the bank acted: it is settled by asking the bank, never by sending again
 * blindly.
 */
public sealed interface PaymentAnswer {

    /**
     * The bank took the instruction.
     *
     * @param status usually {@link BankPaymentStatus#ACCEPTED}, {@link BankPaymentStatus#SETTLED} when it settled at once
     * @param settledAt when settled, if it says
     */
    record Accepted(String bankReference, BankPaymentStatus status, Instant settledAt) implements PaymentAnswer {

        public Accepted {
            Objects.requireNonNull(bankReference, "bankReference");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The bank refused the instruction and will not execute it (a closed account, over its limit, malformed).
     *
     * @param code the bank's code, e.g. {@code PAYEE_ACCOUNT_CLOSED}
     * @param reason the bank's explanation
     */
    record Rejected(String code, String reason) implements PaymentAnswer {

        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The instruction may or may not have been executed (a timeout, a 5xx, an unreadable answer): ask the bank. */
    record OutcomeUnknown(String reasonCode, String reason) implements PaymentAnswer {
    }

    /** The instruction certainly did not reach the bank (no connection, circuit open, too busy): it may be sent later. */
    record NotReceived(String reasonCode, String reason) implements PaymentAnswer {
    }
}
