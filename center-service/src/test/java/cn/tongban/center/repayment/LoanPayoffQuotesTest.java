package cn.tongban.center.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.PayoffQuote;
import cn.tongban.center.loan.RepaymentMethod;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Payoff quotes of a small loan, figured by hand: 12,000.00 at 3.6% a year (0.3% a month), 12 months, equal principal
 * (1,000.00 a month), granted 2026-01-10, so installment k is due on the 10th, k months later.
 */
class LoanPayoffQuotesTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("payoff_quotes");
    static final String ACCOUNT = "110000000321";
    static final String CONTRACT = "JK110000-2026-0001";

    AccountStore accounts;
    LoanPayoffQuotes quotes;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        MONGO.template().dropCollection(AccountStore.ACCOUNTS);
        accounts = new AccountStore(MONGO.template());
        quotes = new LoanPayoffQuotes(accounts);
    }

    static LoanRecord smallLoan(String outstanding, LocalDate repaidOn) {
        return new LoanRecord(CONTRACT, Money.parse("12000.00"), LocalDate.of(2026, 1, 10), 12, Money.parse(outstanding),
                repaidOn, AnnualRate.percent("3.6"), RepaymentMethod.EQUAL_PRINCIPAL);
    }

    PersonalAccount withLoan(LoanRecord loan) {
        accounts.insertAccounts(List.of(new PersonalAccount(ACCOUNT, IdentityNumber.of("11010519491231002X"), "张三",
                "11000000000001", "北京华信数据科技有限公司", LocalDate.of(2015, 3, 1), AccountState.NORMAL,
                Money.parse("12000.00"), new BigDecimal("12"), new BigDecimal("12"), Money.parse("50000.00"), List.of(),
                List.of(loan))));
        return quotes.account(ACCOUNT);
    }

    @Test
    void twoInstallmentsPaidAndFifteenDaysIntoTheThird() {
        PersonalAccount account = withLoan(smallLoan("10000.00", null));

        PayoffQuote quote = quotes.quote(account, CONTRACT, LocalDate.of(2026, 3, 25));

        // 10,000.00 not yet due × 3.6% × 15 days (03-10 → 03-25) / 360 = 15.00
        assertThat(quote.outstandingPrincipal()).isEqualTo(Money.parse("10000.00"));
        assertThat(quote.dueInterest()).isEqualTo(Money.ZERO);
        assertThat(quote.accruedDays()).isEqualTo(15);
        assertThat(quote.accruedInterest()).isEqualTo(Money.parse("15.00"));
        assertThat(quote.total()).isEqualTo(Money.parse("10015.00"));
    }

    @Test
    void anInstallmentInArrearsAddsItsInterest() {
        PersonalAccount account = withLoan(smallLoan("10000.00", null));

        PayoffQuote quote = quotes.quote(account, CONTRACT, LocalDate.of(2026, 4, 20));

        // installment 3 (due 04-10) unpaid: its interest 10,000.00 × 0.3% = 30.00; 9,000.00 not yet due × 3.6% × 10 / 360 = 9.00
        assertThat(quote.outstandingPrincipal()).isEqualTo(Money.parse("10000.00"));
        assertThat(quote.dueInterest()).isEqualTo(Money.parse("30.00"));
        assertThat(quote.accruedDays()).isEqualTo(10);
        assertThat(quote.accruedInterest()).isEqualTo(Money.parse("9.00"));
        assertThat(quote.total()).isEqualTo(Money.parse("10039.00"));
    }

    @Test
    void onTheGrantDayOnlyThePrincipalIsOwed() {
        PersonalAccount account = withLoan(smallLoan("12000.00", null));

        PayoffQuote quote = quotes.quote(account, CONTRACT, LocalDate.of(2026, 1, 10));

        assertThat(quote.total()).isEqualTo(Money.parse("12000.00"));
        assertThat(quote.accruedDays()).isZero();
    }

    @Test
    void aLegacyRecordWithoutRateOrMethodCannotBeQuoted() {
        PersonalAccount account = withLoan(LoanRecord.legacy(CONTRACT, Money.parse("12000.00"), LocalDate.of(2026, 1, 10), 12,
                Money.parse("10000.00"), null));

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> quotes.quote(account, CONTRACT, LocalDate.of(2026, 3, 25)));

        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo(LoanPayoffQuotes.NO_CONTRACT_TERMS);
    }

    @Test
    void anOutstandingPrincipalOffTheScheduleGoesToTheCounter() {
        PersonalAccount account = withLoan(smallLoan("10500.00", null));

        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> quotes.quote(account, CONTRACT, LocalDate.of(2026, 3, 25)));

        assertThat(problem.code()).isEqualTo(LoanPayoffQuotes.OUTSTANDING_OFF_SCHEDULE);
    }

    @Test
    void aRepaidLoanHasNothingToPayOffAndAnUnknownOneIsNotFound() {
        PersonalAccount account = withLoan(smallLoan("0.00", LocalDate.of(2026, 6, 1)));

        assertThat(catchThrowableOfType(ApiProblem.class, () -> quotes.quote(account, CONTRACT, LocalDate.of(2026, 7, 1))).code())
                .isEqualTo(LoanPayoffQuotes.LOAN_REPAID);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> quotes.quote(account, "JK-NONE", LocalDate.of(2026, 7, 1))).status())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
