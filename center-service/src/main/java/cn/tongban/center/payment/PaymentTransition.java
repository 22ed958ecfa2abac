package cn.tongban.center.payment;

import java.time.Instant;

/**
 * One move of a payment instruction, kept on it so that a clerk can see how it came to be where it is.
 *
 * @param from null for the recording of the instruction
 * @param note why, in Chinese
 */
public record PaymentTransition(Instant at, PaymentState from, PaymentState to, String note) {
}
