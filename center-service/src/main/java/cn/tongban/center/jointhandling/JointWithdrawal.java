package cn.tongban.center.jointhandling;

import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase withdrawal this center approved for a joint case (两地联办购房提取记录), one document per case in
 * {@value JointWithdrawalStore#COLLECTION}: the approved amount is fixed once, so a request handled again pays the
 * same amount once, and it counts for the once-per-home rule and the family cap of later applications.
 *
 * @param id the cross-center case id
 * @param homeId the registry's registration number of the home
 * @param debited whether the paid amount has been taken off the account balance
 */
public record JointWithdrawal(String id, String accountNumber, String identityNumber, String homeId, Money amount,
                              LocalDate approvedOn, Status status, String bankReference, Instant paidAt, String failureCode,
                              String failureReason, boolean debited) {

    public JointWithdrawal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }

    /** Where the approved withdrawal stands: approved, then paid or failed (final). */
    public enum Status {
        /** 已核准: approved, the payment not settled yet. */
        APPROVED,
        /** 已划付: the bank settled the payment. */
        PAID,
        /** 划付失败: the bank refused or returned it; nothing was paid. */
        FAILED
    }
}
