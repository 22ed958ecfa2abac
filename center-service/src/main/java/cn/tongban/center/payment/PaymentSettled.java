package cn.tongban.center.payment;

import cn.tongban.contracts.Money;
import java.time.Instant;

/**
 * The bank settled a withdrawal's payment (已到账): published in this process once, when the instruction moved to
 * {@link PaymentState#SETTLED}. Not durable: the instruction document is the record; a listener that must not miss
 * one also reads {@link PaymentService#find}.
 *
 * @param instructionId also the serial number of the withdrawal's ledger entry
 */
public record PaymentSettled(String instructionId, String caseId, String accountNumber, Money amount,
                             String bankReference, Instant settledAt) {
}
