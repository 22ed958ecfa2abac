package cn.tongban.center.loan;

import static cn.tongban.center.loan.LoanBuilder.aLoan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The default loan: 120,000.00 at 2.6%, 12 months 等额本金, granted 2025-01-15; installment 1 is 10,260.00 due 2025-02-15. */
class LoanTest {

    private static Loan applied(LoanChange change) {
        assertThat(change).isInstanceOf(LoanChange.Applied.class);
        return ((LoanChange.Applied) change).loan();
    }

    private static LoanChange.Refused refused(LoanChange change) {
        assertThat(change).isInstanceOf(LoanChange.Refused.class);
        return (LoanChange.Refused) change;
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    class RegularRepayment {

        @Test
        void theFirstInstallmentPaidOnItsDueDateLeavesTheLoanActive() {
            Loan loan = applied(aLoan().build().repay("HK1", day("2025-02-15"), Money.parse("10260.00")));

            assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
            assertThat(loan.outstandingPrincipal()).isEqualTo(Money.parse("110000.00"));
            assertThat(loan.repayments().get(0).type()).isEqualTo(LoanBusinessType.REGULAR_REPAYMENT);
            assertThat(loan.amountDue(day("2025-02-15"))).isEqualTo(Money.ZERO);
        }

        @Test
        void nothingIsTakenBeforeTheFirstDueDate() {
            LoanChange.Refused refusal = refused(aLoan().build().repay("HK1", day("2025-02-14"), Money.parse("10260.00")));

            assertThat(refusal.reasonCode()).isEqualTo(Loan.NOTHING_DUE);
            assertThat(refusal.reason()).contains("提前还款");
        }

        @Test
        void morePaidThanIsDueIsAnEarlyRepaymentNotARegularOne() {
            LoanChange.Refused refusal = refused(aLoan().build().repay("HK1", day("2025-02-15"), Money.parse("10260.01")));

            assertThat(refusal.reasonCode()).isEqualTo(Loan.MORE_THAN_DUE);
            assertThat(refusal.reason()).contains("10260.00");
        }

        @Test
        void aPartPaymentGoesToTheInterestFirst() {
            Loan loan = applied(aLoan().build().repay("HK1", day("2025-02-15"), Money.parse("1000.00")));

            InstallmentStatus first = loan.installments().get(0);
            assertThat(first.interestPaid()).isEqualTo(Money.parse("260.00"));
            assertThat(first.principalPaid()).isEqualTo(Money.parse("740.00"));
            assertThat(loan.outstandingPrincipal()).isEqualTo(Money.parse("119260.00"));
            assertThat(loan.amountDue(day("2025-02-15"))).isEqualTo(Money.parse("9260.00"));
        }

        @Test
        void everyInstallmentPaidPaysTheLoanOff() {
            Loan loan = aLoan().withInstallmentsPaid(12).build();

            assertThat(loan.state()).isEqualTo(LoanState.PAID_OFF);
            assertThat(loan.closedOn()).contains(day("2026-01-15"));
            assertThat(loan.outstandingPrincipal()).isEqualTo(Money.ZERO);
            // 12 × 10,000.00 + 1,690.00 interest
            assertThat(loan.repayments().stream().map(LoanRepayment::amount).reduce(Money.ZERO, Money::plus))
                    .isEqualTo(Money.parse("121690.00"));
        }

        @Test
        void aPaymentIsReceivedOnceAndInDateOrder() {
            Loan loan = aLoan().withInstallmentsPaid(2).build();

            assertThat(refused(loan.repay("HK002", day("2025-04-15"), Money.parse("10216.67"))).reasonCode())
                    .isEqualTo(Loan.DUPLICATE_SERIAL);
            assertThat(refused(loan.repay("HK9", day("2025-03-14"), Money.parse("1.00"))).reasonCode())
                    .isEqualTo(Loan.BACKDATED);
        }
    }

    @Nested
    class Arrears {

        @Test
        void anInstallmentUnpaidAfterItsDueDateMakesTheLoanOverdue() {
            Loan loan = aLoan().build();

            assertThat(loan.assessedOn(day("2025-02-15")).state()).as("due, not yet overdue").isEqualTo(LoanState.ACTIVE);
            Loan nextDay = loan.assessedOn(day("2025-02-16"));
            assertThat(nextDay.state()).isEqualTo(LoanState.OVERDUE);
            assertThat(nextDay.overdueAmount(day("2025-02-16"))).isEqualTo(Money.parse("10260.00"));
            assertThat(nextDay.overdueInstallments(day("2025-02-16"))).extracting(s -> s.installment().number()).containsExactly(1);
        }

        @Test
        void payingTheArrearsMakesTheLoanActiveAgainAsAnOverdueRepayment() {
            Loan overdue = aLoan().build().assessedOn(day("2025-02-20"));

            Loan loan = applied(overdue.repay("HK1", day("2025-02-20"), Money.parse("10260.00")));

            assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
            assertThat(loan.repayments().get(0).type()).isEqualTo(LoanBusinessType.OVERDUE_REPAYMENT);
            assertThat(loan.repayments().get(0).type().code()).isEqualTo("04");
        }

        @Test
        void aPartPaymentOfTheArrearsLeavesTheLoanOverdue() {
            Loan loan = applied(aLoan().build().repay("HK1", day("2025-02-20"), Money.parse("5000.00")));

            assertThat(loan.state()).isEqualTo(LoanState.OVERDUE);
            assertThat(loan.overdueAmount(day("2025-02-20"))).isEqualTo(Money.parse("5260.00"));
        }

        @Test
        void onlyALoanInArrearsIsWrittenOffAndAfterThatNothingIsReceived() {
            Loan current = aLoan().withInstallmentsPaid(2).build();
            assertThat(refused(current.writeOff(day("2025-04-10"))).reasonCode()).isEqualTo(Loan.NOT_IN_ARREARS);

            Loan writtenOff = applied(current.writeOff(day("2026-02-01")));

            assertThat(writtenOff.state()).isEqualTo(LoanState.WRITTEN_OFF);
            assertThat(writtenOff.outstandingPrincipal()).isEqualTo(Money.parse("100000.00"));
            assertThat(refused(writtenOff.repay("HK9", day("2026-02-02"), Money.parse("100.00"))).reasonCode())
                    .isEqualTo(Loan.LOAN_CLOSED);
        }
    }

    @Nested
    class EarlyFullRepayment {

        @Test
        void thePayoffIsThePrincipalLeftPlusTheInterestAccruedSinceTheLastDueDate() {
            Loan loan = aLoan().withInstallmentsPaid(3).build();

            // outstanding 90,000.00; last due date 2025-04-15, 20 days to 2025-05-05
            // accrued 90,000.00 × 2.6% × 20 ÷ 360 = 46,800 ÷ 360 = 130.00; payoff 90,130.00
            PayoffQuote quote = loan.payoffOn(day("2025-05-05"));

            assertThat(quote.outstandingPrincipal()).isEqualTo(Money.parse("90000.00"));
            assertThat(quote.dueInterest()).isEqualTo(Money.ZERO);
            assertThat(quote.accruedDays()).isEqualTo(20);
            assertThat(quote.accruedInterest()).isEqualTo(Money.parse("130.00"));
            assertThat(quote.total()).isEqualTo(Money.parse("90130.00"));
        }

        @Test
        void thePayoffOfALoanInArrearsIncludesTheUnpaidInstallment() {
            Loan loan = aLoan().withInstallmentsPaid(3).build();

            // installment 4 (due 2025-05-15: 10,000.00 + 195.00) is unpaid on 2025-06-05
            // outstanding principal 90,000.00 (its 10,000.00 included) + its interest 195.00
            // + accrued on the 80,000.00 not yet due from 2025-05-15, 21 days: 80,000 × 2.6% × 21 ÷ 360 = 121.333… → 121.33
            PayoffQuote quote = loan.payoffOn(day("2025-06-05"));

            assertThat(quote.dueInterest()).isEqualTo(Money.parse("195.00"));
            assertThat(quote.accruedDays()).isEqualTo(21);
            assertThat(quote.accruedInterest()).isEqualTo(Money.parse("121.33"));
            assertThat(quote.total()).isEqualTo(Money.parse("90316.33"));
        }

        @Test
        void onTheDayOfTheGrantThePayoffIsThePrincipal() {
            assertThat(aLoan().build().payoffOn(day("2025-01-15")).total()).isEqualTo(Money.parse("120000.00"));
        }

        @Test
        void anEqualInstallmentLoanAccruesAtTheRateOfTheComingInstallment() {
            Loan loan = aLoan().of("1000000.00").at("3.1").over(360).grantedOn("2025-03-20")
                    .repaid(RepaymentMethod.EQUAL_INSTALLMENT).withInstallmentsPaid(1).build();

            // after installment 1 (2025-04-20) 998,313.17 is owed; 10 days to 2025-04-30:
            // 998,313.17 × 3.1% × 10 ÷ 360 = 859.6585… → 859.66; payoff 999,172.83
            PayoffQuote quote = loan.payoffOn(day("2025-04-30"));

            assertThat(quote.accruedInterest()).isEqualTo(Money.parse("859.66"));
            assertThat(quote.total()).isEqualTo(Money.parse("999172.83"));
        }

        @Test
        void payingExactlyThePayoffClosesTheLoan() {
            Loan loan = aLoan().withInstallmentsPaid(3).build().assessedOn(day("2025-06-05"));
            assertThat(loan.state()).isEqualTo(LoanState.OVERDUE);

            Loan paidOff = applied(loan.payOff("TQ1", day("2025-06-05"), Money.parse("90316.33")));

            assertThat(paidOff.state()).isEqualTo(LoanState.PAID_OFF);
            assertThat(paidOff.closedOn()).contains(day("2025-06-05"));
            assertThat(paidOff.outstandingPrincipal()).isEqualTo(Money.ZERO);
            assertThat(paidOff.payoffOn(day("2025-06-10")).total()).isEqualTo(Money.ZERO);
            assertThat(paidOff.repayments().get(3).type()).isEqualTo(LoanBusinessType.EARLY_REPAYMENT);
            assertThat(refused(paidOff.repay("HK9", day("2025-06-15"), Money.parse("10173.33"))).reasonCode())
                    .isEqualTo(Loan.LOAN_CLOSED);
        }

        @Test
        void anyOtherAmountIsRefusedWithThePayoffSpelledOut() {
            LoanChange.Refused refusal = refused(aLoan().withInstallmentsPaid(3).build()
                    .payOff("TQ1", day("2025-05-05"), Money.parse("90000.00")));

            assertThat(refusal.reasonCode()).isEqualTo(Loan.NOT_THE_PAYOFF_AMOUNT);
            assertThat(refusal.reason()).contains("90130.00", "130.00");
        }
    }
}
