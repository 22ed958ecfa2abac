package cn.tongban.center.loan;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.time.LocalDate;

/**
 * Test data: a loan, by default 120,000.00 at 2.6% over 12 months, 等额本金, granted 2025-01-15, so installment k
 * is due on the 15th k months later and its interest is (13 − k) × 10,000 × 2.6% ÷ 12.
 */
final class LoanBuilder {

    private String contractNumber = "JK2025011500001";
    private Money principal = Money.parse("120000.00");
    private AnnualRate rate = AnnualRate.percent("2.6");
    private int termMonths = 12;
    private LocalDate grantedOn = LocalDate.of(2025, 1, 15);
    private RepaymentMethod method = RepaymentMethod.EQUAL_PRINCIPAL;
    private int installmentsPaid;

    static LoanBuilder aLoan() {
        return new LoanBuilder();
    }

    LoanBuilder of(String yuan) {
        this.principal = Money.parse(yuan);
        return this;
    }

    LoanBuilder at(String percent) {
        this.rate = AnnualRate.percent(percent);
        return this;
    }

    LoanBuilder over(int months) {
        this.termMonths = months;
        return this;
    }

    LoanBuilder grantedOn(String day) {
        this.grantedOn = LocalDate.parse(day);
        return this;
    }

    LoanBuilder repaid(RepaymentMethod method) {
        this.method = method;
        return this;
    }

    /** Installments 1 to {@code count} paid in full on their due dates. */
    LoanBuilder withInstallmentsPaid(int count) {
        this.installmentsPaid = count;
        return this;
    }

    LoanContract contract() {
        return new LoanContract(contractNumber, principal, rate, termMonths, grantedOn, method);
    }

    Loan build() {
        Loan loan = Loan.granted(contract());
        for (int k = 1; k <= installmentsPaid; k++) {
            Installment installment = loan.schedule().installment(k);
            LoanChange change = loan.repay("HK%03d".formatted(k), installment.dueDate(), installment.total());
            loan = ((LoanChange.Applied) change).loan();
        }
        return loan;
    }
}
