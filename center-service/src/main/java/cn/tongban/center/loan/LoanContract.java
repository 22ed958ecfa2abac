package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A fund-loan contract (个人住房公积金借款合同) as far as the repayment schedule needs it.
 *
 * @param contractNumber loan contract number (借款合同编号, JKHTBH)
 * @param principal the amount lent (贷款金额), positive
 * @param annualRate the rate agreed at the grant (合同利率)
 * @param termMonths the term in months (贷款期限), 1 to {@value #MAX_TERM_MONTHS}
 * @param grantedOn the day the money was paid out (放款日期); installment k is due k months later
 * @param method the repayment method (还款方式, DKHKFS)
 */
public record LoanContract(String contractNumber, Money principal, AnnualRate annualRate, int termMonths,
                           LocalDate grantedOn, RepaymentMethod method) {

    /** 30 years: the national cap on a fund loan's term. */
    public static final int MAX_TERM_MONTHS = 360;

    public LoanContract {
        if (contractNumber == null || contractNumber.isBlank()) {
            throw new IllegalArgumentException("a loan contract has a number (借款合同编号)");
        }
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(annualRate, "annualRate");
        Objects.requireNonNull(grantedOn, "grantedOn");
        Objects.requireNonNull(method, "method");
        if (principal.fen() <= 0) {
            throw new IllegalArgumentException("a loan lends a positive amount: " + principal);
        }
        if (annualRate.isZero()) {
            throw new IllegalArgumentException("a fund loan bears interest");
        }
        if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
            throw new IllegalArgumentException("a loan's term is 1 to " + MAX_TERM_MONTHS + " months: " + termMonths);
        }
    }

    /**
     * The due date of installment {@code number}: {@code number} months after the grant, on the same day of
     * the month, or the month's last day when it is shorter (granted on 31 January: due 28 or 29 February,
     * then 31 March).
     */
    public LocalDate dueDate(int number) {
        if (number < 1 || number > termMonths) {
            throw new IllegalArgumentException("installment " + number + " is not one of 1.." + termMonths);
        }
        return grantedOn.plusMonths(number);
    }
}
