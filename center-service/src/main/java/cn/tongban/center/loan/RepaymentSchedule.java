package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The repayment schedule of a loan (还款计划): one installment a month, due on the grant's day of the month.
 *
 * <p>Conventions:
 * <ul>
 *   <li><b>Monthly rate</b> r = annual rate ÷ 12, whatever the number of days in the month.</li>
 *   <li><b>Interest</b> of an installment = principal outstanding before it × r, rounded half-up to the fen.</li>
 *   <li><b>等额本息</b>: the installment A = P·r·(1+r)^n ÷ ((1+r)^n − 1), computed in {@link #MATH} (34 significant
 *       digits) and rounded half-up to the fen; each month's principal is A minus that month's interest.</li>
 *   <li><b>等额本金</b>: the principal part is P ÷ n rounded half-up to the fen.</li>
 *   <li>The <b>last installment</b> repays exactly the principal still outstanding, so the principal parts always
 *       add up to P; its total differs from the others by the rounding.</li>
 *   <li><b>Rate changes</b> ({@link RateChange}): an installment due on or after the day of a change pays the new
 *       rate for its whole month; for 等额本息 the installment is computed again from the principal outstanding
 *       and the installments left, for 等额本金 the principal part stays as it was.</li>
 * </ul>
 */
public final class RepaymentSchedule {

    /** Precision of the power (1+r)^n and the division of the annuity formula. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    /** Annual percent to monthly fraction: ÷ 100 ÷ 12. */
    private static final BigDecimal PERCENT_PER_YEAR_TO_MONTH = BigDecimal.valueOf(1200);

    private final LoanContract contract;
    private final List<Installment> installments;

    private RepaymentSchedule(LoanContract contract, List<Installment> installments) {
        this.contract = contract;
        this.installments = List.copyOf(installments);
    }

    /** The schedule at the contract's rate throughout. */
    public static RepaymentSchedule of(LoanContract contract) {
        return of(contract, List.of());
    }

    /** The schedule with the contract's rate, changed as {@code rateChanges} say (in any order). */
    public static RepaymentSchedule of(LoanContract contract, List<RateChange> rateChanges) {
        Objects.requireNonNull(contract, "contract");
        List<RateChange> changes = new ArrayList<>(rateChanges);
        changes.sort(Comparator.comparing(RateChange::from));
        int n = contract.termMonths();
        long outstanding = contract.principal().fen();
        long principalPart = divideHalfUp(outstanding, n);
        AnnualRate rate = null;
        long installment = 0;
        List<Installment> result = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            LocalDate due = contract.dueDate(k);
            AnnualRate rateOfMonth = rateOn(due, contract.annualRate(), changes);
            if (!rateOfMonth.equals(rate)) {
                rate = rateOfMonth;
                installment = equalInstallmentFen(outstanding, rate, n - k + 1);
            }
            long interest = monthlyInterestFen(outstanding, rate);
            long principal;
            if (k == n) {
                principal = outstanding;
            } else if (contract.method() == RepaymentMethod.EQUAL_INSTALLMENT) {
                principal = installment - interest;
            } else {
                principal = Math.min(principalPart, outstanding);
            }
            outstanding -= principal;
            result.add(new Installment(k, due, rate, Money.ofFen(principal), Money.ofFen(interest), Money.ofFen(outstanding)));
        }
        return new RepaymentSchedule(contract, result);
    }

    /**
     * The 等额本息 installment for {@code principal} over {@code months} at {@code rate}, rounded half-up to the fen:
     * P·r·(1+r)^n ÷ ((1+r)^n − 1) with r = annual rate ÷ 12.
     */
    public static Money equalInstallment(Money principal, AnnualRate rate, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("at least one month");
        }
        return Money.ofFen(equalInstallmentFen(principal.fen(), rate, months));
    }

    private static long equalInstallmentFen(long principalFen, AnnualRate rate, int months) {
        if (rate.isZero()) {
            return divideHalfUp(principalFen, months);
        }
        BigDecimal r = rate.percent().divide(PERCENT_PER_YEAR_TO_MONTH, MATH);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(months, MATH);
        return BigDecimal.valueOf(principalFen).multiply(r, MATH).multiply(growth, MATH)
                .divide(growth.subtract(BigDecimal.ONE), MATH)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** One month's interest on {@code principalFen}: × annual percent ÷ 1200, half-up to the fen; exact before rounding. */
    static long monthlyInterestFen(long principalFen, AnnualRate rate) {
        return BigDecimal.valueOf(principalFen).multiply(rate.percent())
                .divide(PERCENT_PER_YEAR_TO_MONTH, 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static long divideHalfUp(long fen, int by) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(by), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static AnnualRate rateOn(LocalDate day, AnnualRate initial, List<RateChange> sortedChanges) {
        AnnualRate rate = initial;
        for (RateChange change : sortedChanges) {
            if (!change.from().isAfter(day)) {
                rate = change.rate();
            }
        }
        return rate;
    }

    public LoanContract contract() {
        return contract;
    }

    /** All installments, in order; installment k is at index k − 1. */
    public List<Installment> installments() {
        return installments;
    }

    /** Installment {@code number}, from 1. */
    public Installment installment(int number) {
        if (number < 1 || number > installments.size()) {
            throw new IllegalArgumentException("installment " + number + " is not one of 1.." + installments.size());
        }
        return installments.get(number - 1);
    }

    public Installment last() {
        return installments.get(installments.size() - 1);
    }

    public Money totalPrincipal() {
        return Money.ofFen(installments.stream().mapToLong(i -> i.principal().fen()).sum());
    }

    public Money totalInterest() {
        return Money.ofFen(installments.stream().mapToLong(i -> i.interest().fen()).sum());
    }

    public Money totalPayment() {
        return totalPrincipal().plus(totalInterest());
    }
}
