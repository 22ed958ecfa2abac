package cn.tongban.center.loan;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fund loan (个人住房公积金贷款) being repaid: its contract, its schedule, the payments received and its
 * {@link LoanState state}. Immutable: each change answers with a new loan or a refusal ({@link LoanChange}).
 *
 * <p>Regular repayments ({@link #repay}) pay installments already due, oldest first, interest before principal;
 * they may be partial. Refused are a closed loan ({@value #LOAN_CLOSED}), a serial number already received
 * ({@value #DUPLICATE_SERIAL}), a day before the grant or before the last payment ({@value #BACKDATED}), a payment
 * when nothing is due ({@value #NOTHING_DUE}: paying ahead is an early repayment) and more than is due
 * ({@value #MORE_THAN_DUE}).
 *
 * <p>Early full repayment ({@link #payOff}) takes exactly the {@link #payoffOn payoff amount} of the day
 * ({@value #NOT_THE_PAYOFF_AMOUNT} otherwise): outstanding principal + unpaid interest of installments due +
 * interest accrued on the principal not yet due from the last due date (or the grant) to the day, at the
 * rate of the next installment ÷ 360 a day, rounded half-up to the fen. Dividing by 360 matches the schedule's
 * month of a twelfth of a year: thirty days accrue one month's interest. Penalty interest on arrears (罚息) is not
 * part of this model.
 *
 * <p>The loan is 逾期 as soon as an installment is unpaid after its due date ({@link #assessedOn}, and after each
 * payment), 正常 again once the arrears are paid, 结清 when everything is repaid. Only a loan in arrears can be
 * written off ({@value #NOT_IN_ARREARS}).
 */
public final class Loan {

    public static final String LOAN_CLOSED = "LOAN_CLOSED";
    public static final String DUPLICATE_SERIAL = "DUPLICATE_SERIAL";
    public static final String BACKDATED = "BACKDATED";
    public static final String NOTHING_DUE = "NOTHING_DUE";
    public static final String MORE_THAN_DUE = "MORE_THAN_DUE";
    public static final String NOT_THE_PAYOFF_AMOUNT = "NOT_THE_PAYOFF_AMOUNT";
    public static final String NOT_IN_ARREARS = "NOT_IN_ARREARS";

    /** Days of the banking year the annual rate is divided by for a day's interest. */
    public static final int DAYS_PER_YEAR = 360;

    private final RepaymentSchedule schedule;
    private final LoanState state;
    private final List<LoanRepayment> repayments;
    /** The sum of the regular (scheduled) payments, allocated over the installments in order. */
    private final long paidOnScheduleFen;
    private final LocalDate closedOn;

    private Loan(RepaymentSchedule schedule, LoanState state, List<LoanRepayment> repayments, long paidOnScheduleFen,
                 LocalDate closedOn) {
        this.schedule = schedule;
        this.state = state;
        this.repayments = List.copyOf(repayments);
        this.paidOnScheduleFen = paidOnScheduleFen;
        this.closedOn = closedOn;
    }

    /** A loan just granted (发放) at the contract's rate throughout. */
    public static Loan granted(LoanContract contract) {
        return granted(contract, List.of());
    }

    /** A loan just granted, whose rate changes as {@code rateChanges} say (see {@link LoanRateTable#repricings}). */
    public static Loan granted(LoanContract contract, List<RateChange> rateChanges) {
        return new Loan(RepaymentSchedule.of(contract, rateChanges), LoanState.ACTIVE, List.of(), 0, null);
    }

    public LoanContract contract() {
        return schedule.contract();
    }

    public RepaymentSchedule schedule() {
        return schedule;
    }

    public LoanState state() {
        return state;
    }

    public List<LoanRepayment> repayments() {
        return repayments;
    }

    /** The day the loan was paid off or written off; empty while it runs. */
    public Optional<LocalDate> closedOn() {
        return Optional.ofNullable(closedOn);
    }

    /**
     * Every installment with what has been paid of it. After an early full repayment every installment counts as
     * settled (结清); what was actually charged then, accrued interest included, is the last of {@link #repayments()}.
     */
    public List<InstallmentStatus> installments() {
        List<InstallmentStatus> result = new ArrayList<>();
        long left = paidOnScheduleFen;
        for (Installment installment : schedule.installments()) {
            if (state == LoanState.PAID_OFF) {
                result.add(new InstallmentStatus(installment, installment.principal(), installment.interest()));
                continue;
            }
            long interest = Math.min(left, installment.interest().fen());
            left -= interest;
            long principal = Math.min(left, installment.principal().fen());
            left -= principal;
            result.add(new InstallmentStatus(installment, Money.ofFen(principal), Money.ofFen(interest)));
        }
        return result;
    }

    /** Principal not yet repaid (剩余本金), whether due or not; zero once paid off. */
    public Money outstandingPrincipal() {
        return Money.ofFen(installments().stream().mapToLong(s -> s.unpaidPrincipal().fen()).sum());
    }

    /** What is unpaid of the installments due on or before {@code day} (应还未还). */
    public Money amountDue(LocalDate day) {
        return Money.ofFen(installments().stream().filter(s -> s.isDueBy(day)).mapToLong(s -> s.unpaid().fen()).sum());
    }

    /** What is unpaid of the installments due before {@code day} (逾期金额). */
    public Money overdueAmount(LocalDate day) {
        return Money.ofFen(installments().stream().filter(s -> s.isOverdueOn(day)).mapToLong(s -> s.unpaid().fen()).sum());
    }

    /** The installments overdue on {@code day}, oldest first. */
    public List<InstallmentStatus> overdueInstallments(LocalDate day) {
        return installments().stream().filter(s -> s.isOverdueOn(day)).toList();
    }

    /** The loan with its state as of {@code day}: 逾期 if an installment is unpaid past its due date, else 正常. */
    public Loan assessedOn(LocalDate day) {
        if (state.isClosed()) {
            return this;
        }
        return withState(stateOn(day, installments()), repayments, paidOnScheduleFen, null);
    }

    /** A regular repayment (正常还款, or 逾期还款 when it pays arrears) of {@code amount} received on {@code paidOn}. */
    public LoanChange repay(String serialNumber, LocalDate paidOn, Money amount) {
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        Optional<LoanChange.Refused> refused = refusalOfPayment(serialNumber, paidOn);
        if (refused.isPresent()) {
            return refused.get();
        }
        Money due = amountDue(paidOn);
        if (due.fen() == 0) {
            return new LoanChange.Refused(NOTHING_DUE, paidOn + " 无到期应还款项；提前归还尚未到期的本金请办理提前还款");
        }
        if (amount.compareTo(due) > 0) {
            return new LoanChange.Refused(MORE_THAN_DUE, "截至 " + paidOn + " 应还 " + due + " 元，本次还款 " + amount
                    + " 元超出应还金额；多余部分请办理提前还款");
        }
        LoanBusinessType type = overdueAmount(paidOn).fen() > 0 ? LoanBusinessType.OVERDUE_REPAYMENT : LoanBusinessType.REGULAR_REPAYMENT;
        List<LoanRepayment> received = new ArrayList<>(repayments);
        received.add(new LoanRepayment(serialNumber, paidOn, amount, type));
        long paid = paidOnScheduleFen + amount.fen();
        Loan paidIn = new Loan(schedule, state, received, paid, null);
        List<InstallmentStatus> statuses = paidIn.installments();
        boolean allPaid = statuses.stream().allMatch(InstallmentStatus::isPaid);
        if (allPaid) {
            return new LoanChange.Applied(withState(LoanState.PAID_OFF, received, paid, paidOn));
        }
        return new LoanChange.Applied(withState(stateOn(paidOn, statuses), received, paid, null));
    }

    /** What repaying everything on {@code day} costs; all zero once the loan is paid off. */
    public PayoffQuote payoffOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (day.isBefore(contract().grantedOn())) {
            throw new IllegalArgumentException("the loan was granted on " + contract().grantedOn() + ", after " + day);
        }
        List<InstallmentStatus> statuses = installments();
        long outstanding = statuses.stream().mapToLong(s -> s.unpaidPrincipal().fen()).sum();
        long dueInterest = statuses.stream().filter(s -> s.isDueBy(day)).mapToLong(s -> s.unpaidInterest().fen()).sum();
        Optional<Installment> next = statuses.stream().map(InstallmentStatus::installment)
                .filter(i -> i.dueDate().isAfter(day)).findFirst();
        long accruedDays = 0;
        long accrued = 0;
        if (next.isPresent() && state != LoanState.PAID_OFF) {
            Installment coming = next.get();
            LocalDate lastDue = coming.number() == 1 ? contract().grantedOn() : contract().dueDate(coming.number() - 1);
            long notYetDue = statuses.stream().filter(s -> !s.isDueBy(day)).mapToLong(s -> s.unpaidPrincipal().fen()).sum();
            accruedDays = ChronoUnit.DAYS.between(lastDue, day);
            accrued = BigDecimal.valueOf(notYetDue).multiply(coming.rate().percent()).multiply(BigDecimal.valueOf(accruedDays))
                    .divide(BigDecimal.valueOf(100L * DAYS_PER_YEAR), 0, RoundingMode.HALF_UP).longValueExact();
        }
        return new PayoffQuote(day, Money.ofFen(outstanding), Money.ofFen(dueInterest), accruedDays, Money.ofFen(accrued),
                Money.ofFen(outstanding + dueInterest + accrued));
    }

    /** Early full repayment (提前结清) of exactly the payoff amount of {@code paidOn}; the loan is then 结清. */
    public LoanChange payOff(String serialNumber, LocalDate paidOn, Money amount) {
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        Optional<LoanChange.Refused> refused = refusalOfPayment(serialNumber, paidOn);
        if (refused.isPresent()) {
            return refused.get();
        }
        PayoffQuote quote = payoffOn(paidOn);
        if (!amount.equals(quote.total())) {
            return new LoanChange.Refused(NOT_THE_PAYOFF_AMOUNT, paidOn + " 提前结清应还 " + quote.total() + " 元（剩余本金 "
                    + quote.outstandingPrincipal() + " 元、欠息 " + quote.dueInterest() + " 元、应计利息 " + quote.accruedInterest()
                    + " 元），本次还款 " + amount + " 元");
        }
        List<LoanRepayment> received = new ArrayList<>(repayments);
        received.add(new LoanRepayment(serialNumber, paidOn, amount, LoanBusinessType.EARLY_REPAYMENT));
        return new LoanChange.Applied(withState(LoanState.PAID_OFF, received, paidOnScheduleFen, paidOn));
    }

    /** Writes the loan off (核销) on {@code day}; only a loan in arrears that day. */
    public LoanChange writeOff(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (state.isClosed()) {
            return closed();
        }
        Loan assessed = assessedOn(day);
        if (assessed.state != LoanState.OVERDUE) {
            return new LoanChange.Refused(NOT_IN_ARREARS, "贷款 " + contract().contractNumber() + " 在 " + day
                    + " 没有逾期，不能核销");
        }
        return new LoanChange.Applied(assessed.withState(LoanState.WRITTEN_OFF, repayments, paidOnScheduleFen, day));
    }

    private Optional<LoanChange.Refused> refusalOfPayment(String serialNumber, LocalDate paidOn) {
        if (state.isClosed()) {
            return Optional.of(closed());
        }
        if (repayments.stream().anyMatch(r -> r.serialNumber().equals(serialNumber))) {
            return Optional.of(new LoanChange.Refused(DUPLICATE_SERIAL, "业务流水号 " + serialNumber + " 已入账，不能重复还款"));
        }
        LocalDate earliest = repayments.isEmpty() ? contract().grantedOn() : repayments.get(repayments.size() - 1).paidOn();
        if (paidOn.isBefore(earliest)) {
            return Optional.of(new LoanChange.Refused(BACKDATED, "还款日期 " + paidOn + " 早于 " + earliest
                    + (repayments.isEmpty() ? " 放款日期" : " 上一笔还款日期")));
        }
        return Optional.empty();
    }

    private LoanChange.Refused closed() {
        return new LoanChange.Refused(LOAN_CLOSED, "贷款 " + contract().contractNumber() + " 已" + state.chinese() + "，不能再办理此业务");
    }

    private static LoanState stateOn(LocalDate day, List<InstallmentStatus> statuses) {
        return statuses.stream().anyMatch(s -> s.isOverdueOn(day)) ? LoanState.OVERDUE : LoanState.ACTIVE;
    }

    private Loan withState(LoanState target, List<LoanRepayment> received, long paid, LocalDate closedOn) {
        if (target != state && !state.canMoveTo(target)) {
            throw new IllegalStateException("a loan does not move from " + state + " to " + target);
        }
        return new Loan(schedule, target, received, paid, closedOn);
    }

    @Override
    public String toString() {
        return "Loan[" + contract().contractNumber() + ", " + state + ", outstanding " + outstandingPrincipal() + "]";
    }
}
