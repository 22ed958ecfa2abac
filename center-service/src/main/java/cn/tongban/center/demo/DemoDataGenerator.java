package cn.tongban.center.demo;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.Employer;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.HomeOrder;
import cn.tongban.center.loan.LoanRateTable;
import cn.tongban.center.loan.RepaymentMethod;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Synthetic demo data (演示数据) for one center: employers and personal accounts that look like a city's
 * provident-fund book, none of them real. Deterministic: the same center code and the same last month
 * collected give the same data, record for record, on every machine. Each employer and each account is
 * computed from its index alone, so the streams are lazy and a million accounts never sit in memory.
 *
 * <p>Employers carry valid unified social credit codes whose division is the center's code, Chinese
 * company names (about one in twelve a public institution, 事业单位) and the city's usual rates
 * (Beijing 12/12, Shanghai 7/7, Guangzhou 5/5), some employers choosing others within the city's range.
 *
 * <p>People are born 1965–2003 with valid identity numbers, about two in three with a district code of the
 * center's city, the others born elsewhere; every identity number is different (birth date and sequence
 * number are drawn without repetition, sequence numbers 001–899; 900–999 are kept for the walkthrough
 * people). Each account has a monthly history from its opening (2005 at the earliest) to the last month
 * collected, the base rising about 5% each July; the amounts are those of
 * {@link PersonalAccount#monthlyAmount()} at each year's base. About one in seven histories has a gap (a
 * change of job), one in twelve accounts is sealed (封存), one in thirty closed (销户) with a balance of
 * zero, a few are in arrears or frozen, about one in five has provident-fund loans, repaid or outstanding.
 * The balance of an open account is the sum of its contributions (no interest, no withdrawals); every month paid is
 * also an entry of the account's ledger, and a closed account's ledger ends with the entry that emptied it
 * ({@link DemoLedger}). Each account has a bank card.
 *
 * <p>Besides, a few fixed <em>walkthrough people</em> per center for the README ({@link #walkthroughPeople}).
 */
public final class DemoDataGenerator {

    /** Employers generated unless told otherwise. */
    public static final int DEFAULT_EMPLOYERS = 500;

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1965, 1, 1);
    private static final LocalDate LAST_BIRTH = LocalDate.of(2003, 12, 31);
    private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LAST_BIRTH) + 1;
    /** Sequence numbers 001–899 for generated people; 900–999 belong to the walkthrough people. */
    private static final int SEQUENCES = 899;
    /** How many different people can be generated: every birth date with every sequence number. */
    public static final long MAX_ACCOUNTS = (long) BIRTH_DAYS * SEQUENCES;

    private static final YearMonth EARLIEST_OPENING = YearMonth.of(2005, 1);
    private static final int MIN_BASE = 2_500;
    private static final int MAX_BASE = 35_000;
    private static final int HISTORIC_MIN_BASE = 1_500;

    private static final long EMPLOYER = 1;
    private static final long PERSON = 2;
    private static final long BANK_CARD = 3;

    private final CenterCode center;
    private final YearMonth paidUpTo;
    private final int employerCount;
    private final DemoCity city;
    private final long seed;
    private final long step;
    private final long offset;
    private final List<Employer> walkthroughEmployers;
    private final LoanRateTable rates;
    /** Set for compact histories: the first day kept. */
    private LocalDate compactFrom;

    /** A generator with {@value #DEFAULT_EMPLOYERS} employers. */
    public DemoDataGenerator(CenterCode center, YearMonth paidUpTo) {
        this(center, paidUpTo, DEFAULT_EMPLOYERS);
    }

    /**
     * @param center the center whose book this is; seeds everything
     * @param paidUpTo the last month contributions have been collected for (usually the current month)
     * @param employerCount how many employers the people work for
     */
    public DemoDataGenerator(CenterCode center, YearMonth paidUpTo, int employerCount) {
        this.center = Objects.requireNonNull(center, "center");
        this.paidUpTo = Objects.requireNonNull(paidUpTo, "paidUpTo");
        if (paidUpTo.isBefore(YearMonth.of(2010, 1))) {
            throw new IllegalArgumentException("demo histories run from 2005: collect at least up to 2010-01");
        }
        if (employerCount < 1 || employerCount > 10_000_000) {
            throw new IllegalArgumentException("between 1 and 10,000,000 employers, not " + employerCount);
        }
        this.employerCount = employerCount;
        this.city = DemoCity.of(center);
        this.seed = mix(Long.parseLong(center.value()) * 0x9E3779B97F4A7C15L);
        this.step = coprimeNear((long) (MAX_ACCOUNTS * 0.6180339887), MAX_ACCOUNTS);
        this.offset = Math.floorMod(seed, MAX_ACCOUNTS);
        this.walkthroughEmployers = Walkthrough.employers(center);
        this.rates = bundledRates(center);
    }

    /** The center's loan-rate table when a policy ships for it; demo centers without one record no rates. */
    private static LoanRateTable bundledRates(CenterCode center) {
        if (DemoDataGenerator.class.getClassLoader().getResource(PolicyLoader.LOCATION + center.value() + ".yml") == null) {
            return null;
        }
        return PolicyLoader.loadBundled(center).loanRates();
    }

    public CenterCode center() {
        return center;
    }

    public YearMonth paidUpTo() {
        return paidUpTo;
    }

    // ---- employers ----------------------------------------------------------------------------------------

    /** The walkthrough people's employers first (if the center has any), then the generated ones. */
    public Stream<Employer> employers() {
        return Stream.concat(walkthroughEmployers.stream(), IntStream.range(0, employerCount).mapToObj(this::employer));
    }

    /** The generated employer with this index, 0 to employerCount - 1. */
    public Employer employer(int index) {
        if (index < 0 || index >= employerCount) {
            throw new IndexOutOfBoundsException("employer " + index + " of " + employerCount);
        }
        SplittableRandom random = random(EMPLOYER, index);
        boolean institution = city.isKnown() && random.nextInt(12) == 0;
        String body = "%08d".formatted(Math.floorMod(index * 48_271L + seed, 100_000_000L));
        String first16 = (institution ? "12" : "91") + center.value() + body;
        String first17 = first16 + CreditCode.organisationCheck(body);
        CreditCode creditCode = CreditCode.of(first17 + CreditCode.checkCharacter(first17));
        String name = institution
                ? DemoNames.institution(city.shortName(), random)
                : DemoNames.company(city.shortName(), index + seed % 1000, random);
        int unitRate = rate(random);
        int personalRate = !institution && random.nextInt(10) == 0 ? rate(random) : unitRate;
        return new Employer("%s8%07d".formatted(center.value(), index), creditCode, name, percent(unitRate),
                percent(personalRate), "%04d%015d".formatted(random.nextInt(1, 10_000), random.nextLong(1_000_000_000_000_000L)));
    }

    private int rate(SplittableRandom random) {
        if (random.nextInt(10) < 7) {
            return city.typicalRate();
        }
        return random.nextInt(city.minRate(), city.maxRate() + 1);
    }

    // ---- people ---------------------------------------------------------------------------------------------

    /** The first {@code count} generated accounts, computed one by one as the stream is read. */
    public Stream<PersonalAccount> accounts(long count) {
        if (count < 0 || count > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("between 0 and " + MAX_ACCOUNTS + " accounts, not " + count);
        }
        return LongStream.range(0, count).mapToObj(this::account);
    }

    /** The generated account with this index; the same index always gives the same account. */
    public PersonalAccount account(long index) {
        if (index < 0 || index >= MAX_ACCOUNTS) {
            throw new IndexOutOfBoundsException("account " + index + " of at most " + MAX_ACCOUNTS);
        }
        SplittableRandom random = random(PERSON, index);

        // birth date and sequence number: a permutation of the index, so no two people share them
        long slot = Math.floorMod(index * step + offset, MAX_ACCOUNTS);
        LocalDate birth = FIRST_BIRTH.plusDays(slot / SEQUENCES);
        int sequence = (int) (slot % SEQUENCES) + 1;
        boolean male = sequence % 2 == 1;
        String district = random.nextInt(100) < 65
                ? city.districts().get(random.nextInt(city.districts().size()))
                : DemoCity.ELSEWHERE.get(random.nextInt(DemoCity.ELSEWHERE.size()));
        IdentityNumber identity = identityNumber(district, birth, sequence);
        String name = DemoNames.person(random, male);
        Employer employer = employer(random.nextInt(employerCount));

        Fate fate = Fate.draw(random, birth);
        YearMonth opened = opening(random, birth);
        YearMonth last = switch (fate) {
            case NORMAL, FROZEN -> paidUpTo;
            case ARREARS -> paidUpTo.minusMonths(random.nextInt(2, 5));
            case SEALED -> paidUpTo.minusMonths(random.nextInt(3, 37));
            case TRANSFERRED_OUT, WITHDRAWN_CLOSED -> paidUpTo.minusMonths(random.nextInt(1, 49));
        };
        if (last.isBefore(opened)) {
            last = opened;
        }
        Set<YearMonth> gap = gap(random, opened, last);
        int currentBase = base(random);
        List<ContributionMonth> contributions = history(random, employer, currentBase, opened, last, gap);
        List<LoanRecord> loans = loans(random, index, opened, last, fate.isClosed());

        Money base = Money.ofFen(baseAt(currentBase, last) * 100L);
        Money balance = fate.isClosed() ? Money.ZERO
                : contributions.stream().map(ContributionMonth::amount).reduce(Money.ZERO, Money::plus);
        String accountNumber = "%s1%09d".formatted(center.value(), index);
        PersonalAccount account = new PersonalAccount(accountNumber, identity, name,
                employer.accountNumber(), employer.name(), opened.atDay(random.nextInt(1, 29)), fate.state,
                base, employer.unitRate(), employer.personalRate(), balance, contributions, loans,
                bankCard(index), DemoLedger.of(accountNumber, contributions, fate.state, last), 0);
        return compactFrom == null ? account : DemoLedger.compact(account, compactFrom);
    }

    /**
     * The same generator with compact histories (for loading a million accounts): everything booked before the current
     * interest year carried over in one entry, only that year's months kept. Balances are the same.
     */
    public DemoDataGenerator compact() {
        DemoDataGenerator compact = new DemoDataGenerator(center, paidUpTo, employerCount);
        compact.compactFrom = cn.tongban.center.ledger.InterestYear.containing(paidUpTo.atEndOfMonth()).firstDay();
        return compact;
    }

    /** A debit card number (借记卡, 19 digits) of a bank of the city, drawn apart from the rest of the account. */
    private String bankCard(long index) {
        SplittableRandom random = random(BANK_CARD, index);
        return "6222%015d".formatted(random.nextLong(1_000_000_000_000_000L));
    }

    /** What became of an account. */
    private enum Fate {
        NORMAL(AccountState.NORMAL), ARREARS(AccountState.NORMAL), FROZEN(AccountState.FROZEN),
        SEALED(AccountState.SEALED), TRANSFERRED_OUT(AccountState.TRANSFERRED_OUT),
        WITHDRAWN_CLOSED(AccountState.WITHDRAWN_CLOSED);

        final AccountState state;

        Fate(AccountState state) {
            this.state = state;
        }

        boolean isClosed() {
            return state.isClosed();
        }

        static Fate draw(SplittableRandom random, LocalDate birth) {
            int draw = random.nextInt(1000);
            if (draw < 33) {
                // closed by a full withdrawal on retirement for the oldest, by a transfer for the others
                return birth.getYear() <= 1966 ? WITHDRAWN_CLOSED : TRANSFERRED_OUT;
            }
            if (draw < 33 + 83) {
                return SEALED;
            }
            if (draw < 33 + 83 + 30) {
                return ARREARS;
            }
            if (draw < 33 + 83 + 30 + 5) {
                return FROZEN;
            }
            return NORMAL;
        }
    }

    /** Opened when the person started work here: at 19 to 27, not before 2005, at least a year ago. */
    private YearMonth opening(SplittableRandom random, LocalDate birth) {
        YearMonth earliest = YearMonth.from(birth.plusYears(random.nextInt(19, 28)));
        if (earliest.isBefore(EARLIEST_OPENING)) {
            earliest = EARLIEST_OPENING;
        }
        YearMonth latest = paidUpTo.minusMonths(12);
        if (!earliest.isBefore(latest)) {
            return latest;
        }
        long span = earliest.until(latest, ChronoUnit.MONTHS);
        // half of them opened as soon as they could, the others moved here later
        return random.nextBoolean() ? earliest : earliest.plusMonths(random.nextLong(span + 1));
    }

    /** One run of missing months in about one history in seven, never at either end. */
    private static Set<YearMonth> gap(SplittableRandom random, YearMonth opened, YearMonth last) {
        long months = opened.until(last, ChronoUnit.MONTHS);
        if (months < 24 || random.nextInt(7) != 0) {
            return Set.of();
        }
        YearMonth start = opened.plusMonths(random.nextLong(6, months - 12));
        int length = random.nextInt(1, 9);
        Set<YearMonth> gap = new HashSet<>();
        for (int i = 0; i < length; i++) {
            gap.add(start.plusMonths(i));
        }
        return gap;
    }

    private int base(SplittableRandom random) {
        double base = city.medianBase() * Math.exp(0.5 * random.nextGaussian());
        return (int) Math.max(MIN_BASE, Math.min(MAX_BASE, Math.round(base)));
    }

    private int baseAt(int currentBase, YearMonth month) {
        return baseAt(currentBase, month, paidUpTo);
    }

    /** The base of a month: the current one, less about 5% for each July (基数调整) since. */
    static int baseAt(int currentBase, YearMonth month, YearMonth paidUpTo) {
        int yearsBack = contributionYear(paidUpTo) - contributionYear(month);
        return (int) Math.max(HISTORIC_MIN_BASE, Math.round(currentBase / Math.pow(1.05, yearsBack)));
    }

    private static int contributionYear(YearMonth month) {
        return month.getMonthValue() >= 7 ? month.getYear() : month.getYear() - 1;
    }

    private List<ContributionMonth> history(SplittableRandom random, Employer employer, int currentBase,
                                            YearMonth opened, YearMonth last, Set<YearMonth> gap) {
        List<ContributionMonth> months = new ArrayList<>();
        // about one in twenty-five paid one month late (补缴)
        YearMonth late = random.nextInt(25) == 0
                ? opened.plusMonths(random.nextLong(opened.until(last, ChronoUnit.MONTHS) + 1)) : null;
        Money amount = null;
        for (YearMonth month = opened; !month.isAfter(last); month = month.plusMonths(1)) {
            if (amount == null || month.getMonthValue() == 7) {
                amount = monthly(employer, baseAt(currentBase, month)); // the base changes each July
            }
            if (!gap.contains(month)) {
                months.add(new ContributionMonth(month, amount, month.equals(late)));
            }
        }
        // about one in fifty topped up a month already paid, after a late base adjustment
        if (random.nextInt(50) == 0 && !months.isEmpty()) {
            ContributionMonth topped = months.get(months.size() - 1 - random.nextInt(Math.min(12, months.size())));
            months.add(new ContributionMonth(topped.month(), monthly(employer, random.nextInt(1, 11) * 100), true));
        }
        return months;
    }

    static Money monthly(Employer employer, int baseYuan) {
        Money base = Money.ofFen(baseYuan * 100L);
        return base.timesPercent(employer.unitRate()).plus(base.timesPercent(employer.personalRate()));
    }

    /**
     * About one account in five with at least 30 months has loans: one repaid, one outstanding, or a
     * repaid one followed by a second. A closed account's loans are all repaid.
     */
    private List<LoanRecord> loans(SplittableRandom random, long index, YearMonth opened, YearMonth last,
                                   boolean closed) {
        if (opened.until(last, ChronoUnit.MONTHS) < 30 || random.nextInt(100) >= 22) {
            return List.of();
        }
        int pattern = random.nextInt(100);
        boolean firstRepaid = closed || pattern < 45 || pattern >= 85;
        boolean second = pattern >= 85;
        List<LoanRecord> loans = new ArrayList<>();
        YearMonth granted = opened.plusMonths(12 + random.nextLong(opened.plusMonths(12).until(last, ChronoUnit.MONTHS) - 5));
        LoanRecord first = loan(random, index, 1, granted, firstRepaid, closed ? last : paidUpTo);
        loans.add(first);
        if (second && first.isRepaid()) {
            YearMonth again = YearMonth.from(first.repaidOn()).plusMonths(random.nextInt(3, 25));
            if (!again.isAfter(last.minusMonths(3))) {
                loans.add(loan(random, index, 2, again, closed || random.nextBoolean(), closed ? last : paidUpTo));
            }
        }
        return loans;
    }

    private LoanRecord loan(SplittableRandom random, long index, int number, YearMonth granted, boolean repaid,
                            YearMonth limit) {
        Money principal = Money.ofFen(random.nextInt(20, 121) * 10_000L * 100);
        int term = 12 * random.nextInt(10, 31);
        LocalDate grantedOn = granted.atDay(random.nextInt(1, 29));
        String contract = "JK%s%d%09d%d".formatted(center.value(), granted.getYear(), index, number);
        long elapsed = granted.until(limit, ChronoUnit.MONTHS);
        if (repaid || elapsed >= term) {
            // paid off early, at the earliest six months after it was granted
            long months = elapsed <= 6 ? Math.max(elapsed, 0) : random.nextLong(6, Math.min(term, elapsed) + 1);
            LocalDate repaidOn = granted.plusMonths(months).atDay(random.nextInt(1, 29));
            return new LoanRecord(contract, principal, grantedOn, term, Money.ZERO,
                    repaidOn.isBefore(grantedOn) ? grantedOn : repaidOn, rateAt(grantedOn, term), RepaymentMethod.EQUAL_PRINCIPAL);
        }
        // equal principal (等额本金): what is left after the months repaid so far
        Money outstanding = Money.ofFen(principal.fen() / term * (term - elapsed));
        return new LoanRecord(contract, principal, grantedOn, term, outstanding, null, rateAt(grantedOn, term),
                RepaymentMethod.EQUAL_PRINCIPAL);
    }

    /** The first-home rate of the center's table for a loan granted that day, if the table reaches back so far. */
    private AnnualRate rateAt(LocalDate grantedOn, int term) {
        return rates == null ? null : rates.rateForNewLoan(grantedOn, term, HomeOrder.FIRST_HOME).orElse(null);
    }

    // ---- walkthrough people ------------------------------------------------------------------------------

    /** The walkthrough people of this generator's center, histories up to its last month collected. */
    public List<PersonalAccount> walkthroughPeople() {
        return Walkthrough.people(center, paidUpTo);
    }

    /**
     * Fixed people the README walks through, with fixed identity numbers and names, for 110000, 310000 and
     * 440100 (empty for any other center). Per center: a normal account with a repaid loan; a sealed one; a
     * closed one; a normal one with a gap in its history and an outstanding loan. Their histories run up to
     * {@code paidUpTo}, so a normal account is never in arrears in a demo.
     * <pre>
     * 110000 北京   110105198507219116 王建国 正常, loan repaid  | 110108199003159248 李秀英 封存
     *               110102196204089336 赵德明 提取销户            | 110106199211059265 陈静 正常, gap, loan outstanding
     * 310000 上海   310104198802169482 周丽华 正常, loan repaid  | 310115199106239516 陆文杰 封存
     *               310105196303129627 顾美玲 提取销户            | 310110199409309153 沈浩 正常, gap, loan outstanding
     *               110108199003159248 李秀英 正常 (moved from Beijing: accounts at two centers)
     * 440100 广州   440106198611089377 黄志强 正常, loan repaid  | 440105199507249287 梁嘉欣 封存
     *               440104198301209131 陈伟明 外部转出销户        | 440111199203179467 林晓雯 正常, gap, loan outstanding
     * </pre>
     */
    public static List<PersonalAccount> walkthroughPeople(CenterCode center, YearMonth paidUpTo) {
        return Walkthrough.people(center, paidUpTo);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static IdentityNumber identityNumber(String district, LocalDate birth, int sequence) {
        String first17 = district + birth.toString().replace("-", "") + "%03d".formatted(sequence);
        return IdentityNumber.of(first17 + IdentityNumber.checkCharacter(first17));
    }

    static BigDecimal percent(int rate) {
        return BigDecimal.valueOf(rate).setScale(2);
    }

    private SplittableRandom random(long kind, long index) {
        return new SplittableRandom(mix(seed ^ mix(kind * 0xBF58476D1CE4E5B9L + index)));
    }

    /** The 64-bit finaliser of MurmurHash3: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static long coprimeNear(long start, long modulus) {
        long candidate = start;
        while (gcd(candidate, modulus) != 1) {
            candidate++;
        }
        return candidate;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
