package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fund-loan rates over time (公积金贷款利率表). A new loan takes the rates in force on the day it is
 * granted; a loan granted earlier moves to a new rate on the 1 January after the rate took effect
 * (存量贷款自次年1月1日起执行新利率): the 2025-05-08 cut reaches older loans on 2026-01-01. The rate is chosen by
 * the contract's term, not the term left.
 */
public final class LoanRateTable {

    private final List<LoanRates> versions;

    /** @param versions at least one, in strictly increasing order of {@code effectiveFrom} */
    public LoanRateTable(List<LoanRates> versions) {
        Objects.requireNonNull(versions, "versions");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a rate table has at least one version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (!versions.get(i).effectiveFrom().isAfter(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("rate versions go in strictly increasing order of effective date: "
                        + versions.get(i).effectiveFrom() + " follows " + versions.get(i - 1).effectiveFrom());
            }
        }
        this.versions = List.copyOf(versions);
    }

    public List<LoanRates> versions() {
        return versions;
    }

    /** The rates new loans are granted at on {@code day}; empty before the first version. */
    public Optional<LoanRates> inForceOn(LocalDate day) {
        LoanRates found = null;
        for (LoanRates version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The rate of a loan granted on {@code grantedOn}; empty before the first version. */
    public Optional<AnnualRate> rateForNewLoan(LocalDate grantedOn, int termMonths, HomeOrder order) {
        return inForceOn(grantedOn).map(rates -> rates.rateFor(termMonths, order));
    }

    /** The day a version taking effect on {@code effectiveFrom} reaches loans granted before it: the next 1 January. */
    public static LocalDate repricingDay(LocalDate effectiveFrom) {
        return LocalDate.of(effectiveFrom.getYear() + 1, 1, 1);
    }

    /**
     * The rate changes of a loan granted on {@code grantedOn} at the rate then in force: one for each later version
     * that changes its rate, from that version's {@link #repricingDay}. When two versions reach the loan on the same
     * 1 January, the later one counts. Feed them to {@link RepaymentSchedule#of(LoanContract, List)}.
     */
    public List<RateChange> repricings(LocalDate grantedOn, int termMonths, HomeOrder order) {
        Optional<AnnualRate> initial = rateForNewLoan(grantedOn, termMonths, order);
        List<RateChange> changes = new ArrayList<>();
        AnnualRate current = initial.orElse(null);
        for (LoanRates version : versions) {
            if (!version.effectiveFrom().isAfter(grantedOn)) {
                continue;
            }
            RateChange change = new RateChange(repricingDay(version.effectiveFrom()), version.rateFor(termMonths, order));
            if (!changes.isEmpty() && changes.get(changes.size() - 1).from().equals(change.from())) {
                changes.remove(changes.size() - 1);
                current = changes.isEmpty() ? initial.orElse(null) : changes.get(changes.size() - 1).rate();
            }
            if (!change.rate().equals(current)) {
                changes.add(change);
                current = change.rate();
            }
        }
        return List.copyOf(changes);
    }

    /** The rate a loan granted on {@code grantedOn} bears on {@code day}; empty when granted before the first version. */
    public Optional<AnnualRate> rateInForce(LocalDate grantedOn, int termMonths, HomeOrder order, LocalDate day) {
        Optional<AnnualRate> rate = rateForNewLoan(grantedOn, termMonths, order);
        if (rate.isEmpty()) {
            return rate;
        }
        for (RateChange change : repricings(grantedOn, termMonths, order)) {
            if (!change.from().isAfter(day)) {
                rate = Optional.of(change.rate());
            }
        }
        return rate;
    }
}
