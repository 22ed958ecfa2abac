package cn.tongban.center.payment;

/**
 * A withdrawal's payment failed (支付失败): the bank refused or returned it, nothing was paid. Published in this process
 * once, when the instruction moved to {@link PaymentState#FAILED}; not durable, like {@link PaymentSettled}.
 *
 * @param code the bank's code, e.g. {@code PAYEE_ACCOUNT_CLOSED}
 * @param reason the bank's explanation
 */
public record PaymentFailed(String instructionId, String caseId, String accountNumber, String code, String reason) {
}
