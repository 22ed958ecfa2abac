package cn.tongban.center.demo;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.Employer;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed people of the README's walkthrough, per center (see {@link DemoDataGenerator#walkthroughPeople}).
 * Their identity numbers use sequence numbers 900–999, which generated people never get.
 */
final class Walkthrough {

    /** The stories are set from 2026 on: a loan granted in 2023 must already exist. */
    static final YearMonth EARLIEST_PAID_UP_TO = YearMonth.of(2025, 12);

    private record Loan(String contract, String principal, String grantedOn, int termMonths, String repaidOn) {
    }

    private record Person(String identityNumber, String name, AccountState state, String openedOn, int base,
                          String lastPaid, String gapFrom, int gapMonths, Loan loan) {
    }

    private record Cast(Employer employer, List<Person> people) {
    }

    private static final Map<String, Cast> CASTS = Map.of(
            "110000", new Cast(
                    new Employer("11000000000001", CreditCode.of("91110000MA01TB014A"), "北京华信数据科技有限公司",
                            DemoDataGenerator.percent(12), DemoDataGenerator.percent(12), "0200004509200123456"),
                    List.of(
                            new Person("110105198507219116", "王建国", AccountState.NORMAL, "2012-07-16", 18_500,
                                    null, null, 0,
                                    new Loan("JK110000-2014-000412", "800000.00", "2014-09-20", 240, "2023-06-30")),
                            new Person("110108199003159248", "李秀英", AccountState.SEALED, "2013-03-11", 9_800,
                                    "2025-08", null, 0, null),
                            new Person("110102196204089336", "赵德明", AccountState.WITHDRAWN_CLOSED, "2005-01-10",
                                    14_200, "2022-04", null, 0, null),
                            new Person("110106199211059265", "陈静", AccountState.NORMAL, "2015-08-03", 12_600,
                                    null, "2021-03", 3,
                                    new Loan("JK110000-2022-001187", "900000.00", "2022-04-15", 300, null)),
                            // born 1964: retired at 60 by the simulator's social-security record (README: item 03)
                            new Person("110102196405189245", "刘桂芳", AccountState.NORMAL, "2003-04-01", 15_800,
                                    null, null, 0, null),
                            // bought a home in Shanghai: two-place joint handling of a purchase withdrawal (README: item 06)
                            new Person("110101198807309513", "孙晓明", AccountState.NORMAL, "2016-05-09", 15_000,
                                    null, null, 0, null),
                            // born 1963, retired in 2023, now lives in Shanghai (README: item 03 by proxy)
                            new Person("110102196309129621", "马玉兰", AccountState.SEALED, "2004-02-02", 11_600,
                                    "2023-08", null, 0, null))),
            "310000", new Cast(
                    new Employer("31000000000001", CreditCode.of("91310000MA1TB0013P"), "上海浦江智联信息技术有限公司",
                            DemoDataGenerator.percent(7), DemoDataGenerator.percent(7), "0310003809100234567"),
                    List.of(
                            new Person("310104198802169482", "周丽华", AccountState.NORMAL, "2011-09-05", 16_800,
                                    null, null, 0,
                                    new Loan("JK310000-2015-000233", "600000.00", "2015-05-18", 180, "2024-03-29")),
                            new Person("310115199106239516", "陆文杰", AccountState.SEALED, "2014-07-01", 11_200,
                                    "2025-06", null, 0, null),
                            new Person("310105196303129627", "顾美玲", AccountState.WITHDRAWN_CLOSED, "2005-01-04",
                                    9_600, "2018-03", null, 0, null),
                            new Person("310110199409309153", "沈浩", AccountState.NORMAL, "2017-07-10", 13_500,
                                    null, "2020-11", 3,
                                    new Loan("JK310000-2023-000871", "1200000.00", "2023-02-20", 360, null)),
                            // moved from Beijing, where her account is sealed since 2025-08: the federated query
                            // and the account transfer (README) start from her accounts at both centers
                            new Person("110108199003159248", "李秀英", AccountState.NORMAL, "2025-09-01", 10_500,
                                    null, null, 0, null))),
            "440100", new Cast(
                    new Employer("44010000000001", CreditCode.of("91440100MA5TB0010F"), "广州珠江恒达物流有限公司",
                            DemoDataGenerator.percent(5), DemoDataGenerator.percent(5), "3602001109000345678"),
                    List.of(
                            new Person("440106198611089377", "黄志强", AccountState.NORMAL, "2010-06-21", 12_300,
                                    null, null, 0,
                                    new Loan("JK440100-2016-000517", "500000.00", "2016-11-08", 240, "2025-01-15")),
                            new Person("440105199507249287", "梁嘉欣", AccountState.SEALED, "2018-04-02", 7_600,
                                    "2025-03", null, 0, null),
                            new Person("440104198301209131", "陈伟明", AccountState.TRANSFERRED_OUT, "2008-03-17",
                                    10_500, "2024-05", null, 0, null),
                            new Person("440111199203179467", "林晓雯", AccountState.NORMAL, "2014-10-13", 9_900,
                                    null, "2019-06", 4,
                                    new Loan("JK440100-2021-000964", "700000.00", "2021-08-09", 300, null)))));

    private Walkthrough() {
    }

    static List<Employer> employers(CenterCode center) {
        Cast cast = CASTS.get(center.value());
        return cast == null ? List.of() : List.of(cast.employer());
    }

    static List<PersonalAccount> people(CenterCode center, YearMonth paidUpTo) {
        Cast cast = CASTS.get(center.value());
        if (cast == null) {
            return List.of();
        }
        if (paidUpTo.isBefore(EARLIEST_PAID_UP_TO)) {
            throw new IllegalArgumentException("the walkthrough is set from " + EARLIEST_PAID_UP_TO + " on, not " + paidUpTo);
        }
        List<PersonalAccount> accounts = new ArrayList<>();
        for (int i = 0; i < cast.people().size(); i++) {
            accounts.add(account(center, i + 1, cast.employer(), cast.people().get(i), paidUpTo));
        }
        return List.copyOf(accounts);
    }

    private static PersonalAccount account(CenterCode center, int number, Employer employer, Person person,
                                           YearMonth paidUpTo) {
        LocalDate openedOn = LocalDate.parse(person.openedOn());
        YearMonth last = person.lastPaid() == null ? paidUpTo : YearMonth.parse(person.lastPaid());
        if (last.isAfter(paidUpTo)) {
            last = paidUpTo;
        }
        YearMonth gapFrom = person.gapFrom() == null ? null : YearMonth.parse(person.gapFrom());
        YearMonth gapTo = gapFrom == null ? null : gapFrom.plusMonths(person.gapMonths() - 1);
        List<ContributionMonth> contributions = new ArrayList<>();
        for (YearMonth month = YearMonth.from(openedOn); !month.isAfter(last); month = month.plusMonths(1)) {
            boolean inGap = gapFrom != null && !month.isBefore(gapFrom) && !month.isAfter(gapTo);
            if (!inGap) {
                contributions.add(new ContributionMonth(month,
                        DemoDataGenerator.monthly(employer, DemoDataGenerator.baseAt(person.base(), month, paidUpTo)), false));
            }
        }
        Money balance = person.state().isClosed() ? Money.ZERO
                : contributions.stream().map(ContributionMonth::amount).reduce(Money.ZERO, Money::plus);
        List<LoanRecord> loans = person.loan() == null ? List.of() : List.of(loan(person.loan(), paidUpTo));
        String accountNumber = "%s0%09d".formatted(center.value(), number);
        return new PersonalAccount(accountNumber, IdentityNumber.of(person.identityNumber()),
                person.name(), employer.accountNumber(), employer.name(), openedOn, person.state(),
                Money.ofFen(DemoDataGenerator.baseAt(person.base(), last, paidUpTo) * 100L), employer.unitRate(),
                employer.personalRate(), balance, contributions, loans,
                "6222%06d%09d".formatted(Integer.parseInt(center.value()), 900_000_000 + number),
                DemoLedger.of(accountNumber, contributions, person.state(), last), 0);
    }

    private static LoanRecord loan(Loan loan, YearMonth paidUpTo) {
        Money principal = Money.parse(loan.principal());
        LocalDate grantedOn = LocalDate.parse(loan.grantedOn());
        if (loan.repaidOn() != null) {
            return LoanRecord.legacy(loan.contract(), principal, grantedOn, loan.termMonths(), Money.ZERO,
                    LocalDate.parse(loan.repaidOn()));
        }
        long elapsed = YearMonth.from(grantedOn).until(paidUpTo, ChronoUnit.MONTHS);
        Money outstanding = Money.ofFen(principal.fen() / loan.termMonths() * (loan.termMonths() - elapsed));
        return LoanRecord.legacy(loan.contract(), principal, grantedOn, loan.termMonths(), outstanding, null);
    }
}
