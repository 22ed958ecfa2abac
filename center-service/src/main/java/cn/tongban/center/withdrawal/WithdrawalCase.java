package cn.tongban.center.withdrawal;

import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A withdrawal application (提取申请) as the center keeps it, one document in {@code withdrawal_cases}.
 *
 * @param id the case id, {@code WD-<center>-<yyyyMMdd>-<seq>}
 * @param reason the withdrawal reason (提取原因, TQYY), {@value #RETIREMENT} 离休退休
 * @param payeeAccount the person's bank card the money goes to (收款账号), as given with the application
 * @param decideBy the day by which the center must decide (《住房公积金管理条例》 art. 25: 3 days)
 * @param amount the approved amount, once checked
 * @param retiredOn the retirement date social security confirmed, once checked
 * @param rejectionCode why it was refused (REJECTED) or why the payment failed (PAYMENT_FAILED)
 * @param paymentInstructionId the payment instruction, once paying
 * @param submittedBy who submitted it: the person, or the counter clerk on their behalf
 */
public record WithdrawalCase(String id, String accountNumber, String identityNumber, String name, String reason,
                             String payeeAccount, WithdrawalState state, Instant submittedAt, LocalDate decideBy,
                             String submittedBy, Money amount, LocalDate retiredOn, String rejectionCode,
                             String rejectionReason, String paymentInstructionId, Instant updatedAt,
                             List<WithdrawalHistoryEntry> history) {

    /** TQYY 03 离休退休. */
    public static final String RETIREMENT = "03";

    public WithdrawalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        history = history == null ? List.of() : List.copyOf(history);
    }
}
