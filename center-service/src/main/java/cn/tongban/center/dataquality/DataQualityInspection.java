package cn.tongban.center.dataquality;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The data-quality checks over a center's stored records (数据质量检查), one pass over the accounts in identity-number
 * order and one over the employers, memory bounded by the samples kept. For each personal account:
 * <ul>
 *   <li>{@link IssueCode#INVALID_IDENTITY_NUMBER}: none, or failing GB 11643;</li>
 *   <li>{@link IssueCode#UNKNOWN_ACCOUNT_STATE}: none, or no state the center knows;</li>
 *   <li>{@link IssueCode#IMPOSSIBLE_DATE}: no opening date, one in the future, before 1991, or before the holder
 *       turned 16;</li>
 *   <li>{@link IssueCode#MISSING_BANK_ACCOUNT}: an account that is not closed and has no bank account, or one that
 *       is no account number (10 to 32 digits);</li>
 *   <li>{@link IssueCode#NEGATIVE_BALANCE};</li>
 *   <li>{@link IssueCode#CLOSED_WITH_BALANCE}: a closed account (销户) holding money;</li>
 *   <li>{@link IssueCode#BALANCE_NOT_SUM_OF_CONTRIBUTIONS}, where that applies: an open account whose record carries
 *       its contribution history (accounts imported from a legacy export carry none, and are not checked) and whose
 *       balance differs from its sum. The account record holds neither interest nor withdrawals, so on such an
 *       account the balance is the sum of the contributions; once it does, this check must move to the ledger's
 *       reconciliation;</li>
 *   <li>{@link IssueCode#DUPLICATE_PERSON}: an identity number with more than one account that is not closed, counted
 *       once per person.</li>
 * </ul>
 * For each employer: {@link IssueCode#INVALID_CREDIT_CODE}, {@link IssueCode#CREDIT_CODE_CHECK_FAILED} (legal for
 * early pilot areas, listed for review) and {@link IssueCode#MISSING_BANK_ACCOUNT}. Plain Java: the records come from
 * {@link StoredRecords}.
 */
public final class DataQualityInspection {

    private final ImportRules rules;
    private final int sampleSize;

    /**
     * @param rules the dates and ages an account must respect (those of the import)
     * @param sampleSize how many records each check lists
     */
    public DataQualityInspection(ImportRules rules, int sampleSize) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (sampleSize < 0) {
            throw new IllegalArgumentException("a sample size is not negative");
        }
        this.sampleSize = sampleSize;
    }

    public DataQualityReport inspect(CenterCode center, Instant generatedAt, StoredRecords records, int recentBatches) {
        Tally accounts = new Tally(List.of(IssueCode.INVALID_IDENTITY_NUMBER, IssueCode.UNKNOWN_ACCOUNT_STATE,
                IssueCode.IMPOSSIBLE_DATE, IssueCode.MISSING_BANK_ACCOUNT, IssueCode.NEGATIVE_BALANCE,
                IssueCode.CLOSED_WITH_BALANCE, IssueCode.BALANCE_NOT_SUM_OF_CONTRIBUTIONS, IssueCode.DUPLICATE_PERSON));
        long accountCount;
        try (Stream<StoredAccount> stream = records.accountsByIdentityNumber()) {
            accountCount = inspectAccounts(stream, accounts);
        }
        Tally employers = new Tally(List.of(IssueCode.INVALID_CREDIT_CODE, IssueCode.CREDIT_CODE_CHECK_FAILED,
                IssueCode.MISSING_BANK_ACCOUNT));
        long employerCount = 0;
        try (Stream<StoredEmployer> stream = records.employers()) {
            for (StoredEmployer employer : (Iterable<StoredEmployer>) stream::iterator) {
                employerCount++;
                inspect(employer, employers);
            }
        }
        return new DataQualityReport(center, generatedAt, accountCount, employerCount, accounts.results(),
                employers.results(), records.recentBatches(recentBatches));
    }

    private long inspectAccounts(Stream<StoredAccount> stream, Tally tally) {
        long count = 0;
        List<StoredAccount> person = new ArrayList<>();
        for (StoredAccount account : (Iterable<StoredAccount>) stream::iterator) {
            count++;
            inspect(account, tally);
            if (!person.isEmpty() && !Objects.equals(person.get(0).identityNumber(), account.identityNumber())) {
                inspectPerson(person, tally);
                person.clear();
            }
            person.add(account);
        }
        inspectPerson(person, tally);
        return count;
    }

    /** The accounts of one identity number, found one after the other in identity-number order. */
    private void inspectPerson(List<StoredAccount> accounts, Tally tally) {
        if (accounts.isEmpty() || accounts.get(0).identityNumber() == null || accounts.get(0).identityNumber().isBlank()) {
            return;
        }
        List<String> open = accounts.stream().filter(a -> !isClosed(a)).map(StoredAccount::accountNumber).toList();
        if (open.size() > 1) {
            tally.found(IssueCode.DUPLICATE_PERSON, new DataQualityReport.Sample(String.join(", ", open),
                    Masking.identityNumber(accounts.get(0).identityNumber()),
                    open.size() + " accounts that are not closed; one person holds one per center (合并销户)"));
        }
    }

    private void inspect(StoredAccount account, Tally tally) {
        Function<String, DataQualityReport.Sample> sample = detail -> new DataQualityReport.Sample(
                account.accountNumber(), Masking.identityNumber(account.identityNumber()), detail);
        Optional<IdentityNumber> identity = Optional.empty();
        if (account.identityNumber() == null || account.identityNumber().isBlank()) {
            tally.found(IssueCode.INVALID_IDENTITY_NUMBER, sample.apply("no identity number"));
        } else {
            String normalized = account.identityNumber().strip().toUpperCase(Locale.ROOT);
            Optional<String> problem = IdentityNumber.problemWith(normalized);
            if (problem.isPresent()) {
                tally.found(IssueCode.INVALID_IDENTITY_NUMBER, sample.apply(problem.get()));
            } else {
                identity = Optional.of(IdentityNumber.of(normalized));
            }
        }
        Optional<AccountState> state = state(account);
        if (state.isEmpty()) {
            tally.found(IssueCode.UNKNOWN_ACCOUNT_STATE, sample.apply("state '" + account.state() + "' is unknown"));
        }
        openingProblem(account, identity).ifPresent(problem -> tally.found(IssueCode.IMPOSSIBLE_DATE, sample.apply(problem)));
        boolean closed = state.map(AccountState::isClosed).orElse(false);
        if (!closed && (account.bankAccount() == null || account.bankAccount().isBlank())) {
            tally.found(IssueCode.MISSING_BANK_ACCOUNT, sample.apply("no bank account to pay withdrawals into"));
        } else if (!closed && !FieldReader.isBankAccountNumber(account.bankAccount().replace(" ", ""))) {
            tally.found(IssueCode.MISSING_BANK_ACCOUNT, sample.apply("no bank account number (10 to 32 digits)"));
        }
        Money balance = account.balance();
        if (balance != null && balance.isNegative()) {
            tally.found(IssueCode.NEGATIVE_BALANCE, sample.apply("balance " + balance));
        }
        if (closed && balance != null && balance.fen() != 0) {
            tally.found(IssueCode.CLOSED_WITH_BALANCE, sample.apply(state.get().chinese() + " with balance " + balance));
        }
        if (!closed && account.contributionMonths() > 0 && !Objects.equals(balance, account.contributionTotal())) {
            tally.found(IssueCode.BALANCE_NOT_SUM_OF_CONTRIBUTIONS, sample.apply("balance "
                    + (balance == null ? "unknown" : balance) + ", contributions " + account.contributionTotal()
                    + " over " + account.contributionMonths() + " months"));
        }
    }

    private Optional<String> openingProblem(StoredAccount account, Optional<IdentityNumber> identity) {
        LocalDate opened = account.openedOn();
        if (opened == null) {
            return Optional.of("no opening date");
        }
        if (opened.isAfter(rules.today())) {
            return Optional.of("opened on " + opened + ", in the future");
        }
        if (opened.isBefore(rules.earliestOpening())) {
            return Optional.of("opened on " + opened + ", before the housing provident fund existed");
        }
        if (identity.isPresent() && opened.isBefore(identity.get().birthDate().plusYears(rules.minimumWorkingAge()))) {
            return Optional.of("opened on " + opened + ", before the holder turned " + rules.minimumWorkingAge()
                    + " (born " + identity.get().birthDate() + ")");
        }
        return Optional.empty();
    }

    private void inspect(StoredEmployer employer, Tally tally) {
        Function<String, DataQualityReport.Sample> sample = detail ->
                new DataQualityReport.Sample(employer.accountNumber(), "", detail);
        String code = employer.creditCode() == null ? "" : employer.creditCode().strip().toUpperCase(Locale.ROOT);
        Optional<String> problem = code.isEmpty() ? Optional.of("no credit code") : CreditCode.problemWith(code);
        if (problem.isPresent()) {
            boolean shaped = EmployerRowCheck.isShapedLikeCreditCode(code);
            tally.found(shaped ? IssueCode.CREDIT_CODE_CHECK_FAILED : IssueCode.INVALID_CREDIT_CODE,
                    sample.apply(code + ": " + problem.get()));
        }
        if (employer.bankAccount() == null || employer.bankAccount().isBlank()) {
            tally.found(IssueCode.MISSING_BANK_ACCOUNT, sample.apply("no bank account"));
        } else if (!FieldReader.isBankAccountNumber(employer.bankAccount().replace(" ", ""))) {
            tally.found(IssueCode.MISSING_BANK_ACCOUNT, sample.apply("no bank account number (10 to 32 digits)"));
        }
    }

    private static Optional<AccountState> state(StoredAccount account) {
        return Arrays.stream(AccountState.values()).filter(s -> s.name().equals(account.state())).findFirst();
    }

    private static boolean isClosed(StoredAccount account) {
        return state(account).map(AccountState::isClosed).orElse(false);
    }

    /** Counts and the first samples, per check. */
    private final class Tally {
        private final List<IssueCode> checks;
        private final Map<IssueCode, Long> counts = new EnumMap<>(IssueCode.class);
        private final Map<IssueCode, List<DataQualityReport.Sample>> samples = new EnumMap<>(IssueCode.class);

        Tally(List<IssueCode> checks) {
            this.checks = checks;
        }

        void found(IssueCode code, DataQualityReport.Sample sample) {
            counts.merge(code, 1L, Long::sum);
            List<DataQualityReport.Sample> kept = samples.computeIfAbsent(code, c -> new ArrayList<>());
            if (kept.size() < sampleSize) {
                kept.add(sample);
            }
        }

        List<DataQualityReport.CheckResult> results() {
            return checks.stream().map(code -> new DataQualityReport.CheckResult(code, code.chinese(),
                    counts.getOrDefault(code, 0L), samples.getOrDefault(code, List.of()))).toList();
        }
    }
}
