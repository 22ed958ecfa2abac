package cn.tongban.center.department;

import java.time.Instant;
import java.util.Objects;

/** The bank's answer to "what became of instruction X" (支付指令查询). */
public sealed interface InstructionStatus {

    /**
     * The bank has the instruction.
     *
     * @param settledAt when settled, if it says
     * @param failureCode why it failed, when it did and says
     */
    record Known(BankPaymentStatus status, String bankReference, Instant settledAt, String failureCode)
            implements InstructionStatus {

        public Known {
            Objects.requireNonNull(status, "status");
        }
    }

    /** The bank never received the instruction: it may be sent (again), with the same id. */
    record NotFound() implements InstructionStatus {
    }
}
