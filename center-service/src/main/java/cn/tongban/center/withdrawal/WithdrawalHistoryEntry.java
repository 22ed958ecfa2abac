package cn.tongban.center.withdrawal;

import java.time.Instant;

/** One move of a withdrawal case; {@code from} is null for the case's creation. */
public record WithdrawalHistoryEntry(Instant at, WithdrawalState from, WithdrawalState to, String note) {
}
