package cn.tongban.center.bookkeeping;

import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one bookkeeping run did and found (记账作业报告).
 *
 * @param id the run day
 * @param interestYear the interest year (ending 30 June of this year) the settlement looked at
 * @param accountsRead accounts read
 * @param interestPosted interest entries posted in this run
 * @param interestTotal their sum
 * @param alreadySettled open accounts whose year was settled before
 * @param nothingToSettle open accounts that earned nothing
 * @param notSettled open accounts whose year could not be settled, with the reason; a clerk settles them
 * @param balanceMismatches accounts whose stored balance is not the sum of their entries (账实不符)
 * @param unreadableLedgers accounts whose stored entries are not a ledger (a corrupt store)
 * @param paymentDay the day whose payments were reconciled with the bank's statement
 * @param paymentMismatches mismatches found there, -1 when the bank's statement could not be had
 * @param paymentNote why not, when it could not
 */
public record BookkeepingReport(String id, Instant startedAt, Instant finishedAt, int interestYear, long accountsRead,
                                long interestPosted, Money interestTotal, long alreadySettled, long nothingToSettle,
                                long notSettledCount, List<Finding> notSettled, long balanceMismatchCount,
                                List<Finding> balanceMismatches, long unreadableCount, List<Finding> unreadableLedgers,
                                LocalDate paymentDay, int paymentMismatches, String paymentNote) {

    /** At most this many findings of each kind are kept in a report; the counts are exact. */
    public static final int SAMPLES = 100;

    /**
     * One account's finding.
     *
     * @param code stable: a refusal code of the ledger, {@code DIFFERENT_BALANCE} …
     */
    public record Finding(String accountNumber, String code, String detail) {
    }
}
