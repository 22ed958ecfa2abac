/**
 * Paying withdrawals to the person's bank card (提取资金划付), never twice.
 *
 * <p>Each payment is a {@link cn.tongban.center.payment.PaymentInstruction} in {@code payment_instructions}, its id
 * derived from the case ({@code WD-<caseId>}) and sent to the bank as the instruction id and the
 * {@code Idempotency-Key}. Inserting it is the guard against a second submission; every step of its
 * {@link cn.tongban.center.payment.PaymentState state machine} is a conditional single-document update, so of two
 * processes only one moves it and only one sends. A timeout is an unknown outcome: the bank is asked before anything is
 * sent again, and an instruction is sent again (with the same key) only when the bank says it never received it.
 *
 * <p>{@link cn.tongban.center.payment.PaymentReconciliation} compares a day's instructions and withdrawal ledger
 * entries with the bank's statement (银行对账).
 */
package cn.tongban.center.payment;
