package cn.tongban.deploy.federation;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: people with valid identity numbers and accounts with a contribution history. */
final class People {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private People() {
    }

    /** A new valid identity number born on the given day in the given district. */
    static IdentityNumber identityNumber(String district, LocalDate born) {
        String first17 = district + born.toString().replace("-", "") + "%03d".formatted(SEQUENCE.incrementAndGet() % 1000);
        return IdentityNumber.of(first17 + IdentityNumber.checkCharacter(first17));
    }

    /** An account paid every month for the last {@code months} months up to last month. */
    static PersonalAccount account(IdentityNumber person, String name, AccountState state, int months, LoanRecord... loans) {
        Money base = Money.parse("12000.00");
        BigDecimal rate = new BigDecimal("12");
        Money monthly = base.timesPercent(rate).plus(base.timesPercent(rate));
        YearMonth last = YearMonth.now().minusMonths(1);
        List<ContributionMonth> paid = new ArrayList<>();
        Money balance = Money.ZERO;
        for (int i = months - 1; i >= 0; i--) {
            paid.add(new ContributionMonth(last.minusMonths(i), monthly, false));
            balance = balance.plus(monthly);
        }
        return new PersonalAccount("GR" + person.value().substring(10), person, name, "DW0001", "北京示例科技有限公司",
                last.minusMonths(months - 1).atDay(1), state, base, rate, rate, balance, paid, List.of(loans));
    }
}
