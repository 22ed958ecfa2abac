package cn.tongban.center.policy;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.LoanRateTable;
import cn.tongban.center.loan.LoanRates;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a center's policy file ({@code policy/<center code>.yml}, see the three bundled ones for the layout) into a
 * {@link CenterPolicy}, checking it whole: every problem is reported, with its path and line, before anything is
 * used. The file is read as a tree of text (SnakeYAML's node tree), never as YAML's own numbers and dates, so that
 * {@code 2.525} stays exactly 2.525 and {@code 2025-05-08} is a day, not a moment in some time zone.
 *
 * <p>Checked besides the layout: each contribution rate within the national 5%–12% and min ≤ max; base floor ≤ cap;
 * a plausible deposit rate; the buyers include the employee; months and shares in range; the loan term within the
 * national 30 years; policy versions and loan-rate versions in strictly increasing order of effective date (two
 * versions on one day overlap). Keys the loader does not know are reported too, as they are usually typos.
 */
public final class PolicyLoader {

    /** Where the bundled policy files lie on the class path. */
    public static final String LOCATION = "policy/";

    private static final BigDecimal MAX_DEPOSIT_RATE = BigDecimal.valueOf(10);
    private static final BigDecimal MAX_LOAN_RATE = BigDecimal.valueOf(15);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<String> problems = new ArrayList<>();

    private PolicyLoader() {
    }

    /**
     * Reads one policy file (UTF-8).
     *
     * @throws PolicyFileException listing every problem found
     */
    public static CenterPolicy load(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new PolicyFileException(List.of("not valid YAML: " + e.getMessage().strip().replaceAll("\\s+", " ")));
        }
        if (root == null) {
            throw new PolicyFileException(List.of("the file is empty"));
        }
        PolicyLoader loader = new PolicyLoader();
        CenterPolicy policy = loader.centerPolicy(root);
        if (!loader.problems.isEmpty() || policy == null) {
            throw new PolicyFileException(loader.problems.isEmpty() ? List.of("the policy could not be read") : loader.problems);
        }
        return policy;
    }

    /**
     * Reads the bundled policy of {@code center} from the class path ({@value #LOCATION}{@code <code>.yml}).
     *
     * @throws IllegalArgumentException when there is none
     * @throws PolicyFileException when it has problems, or is another center's
     */
    public static CenterPolicy loadBundled(CenterCode center) {
        String resource = LOCATION + center.value() + ".yml";
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no policy file " + resource + " on the class path");
            }
            CenterPolicy policy = load(in);
            if (!policy.center().equals(center)) {
                throw new PolicyFileException(List.of("center: " + policy.center() + " in " + resource + ", which is " + center + "'s file"));
            }
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    // ---- the file --------------------------------------------------------------------------------------------

    private CenterPolicy centerPolicy(Node root) {
        Section file = section("", root);
        if (file == null) {
            return null;
        }
        int before = problems.size();
        CenterCode center = file.value("center", this::centerCode);
        String name = file.value("name", text -> text);
        List<PolicyVersion> versions = file.list("versions", this::policyVersion);
        List<LoanRates> loanRates = file.list("loanRates", this::loanRates);
        file.reportUnknownKeys();
        if (versions != null) {
            checkOrder(file.path("versions"), versions.stream().map(v -> v == null ? null : v.effectiveFrom()).toList(),
                    file.items("versions"));
        }
        if (loanRates != null) {
            checkOrder(file.path("loanRates"), loanRates.stream().map(r -> r == null ? null : r.effectiveFrom()).toList(),
                    file.items("loanRates"));
        }
        if (problems.size() > before) {
            return null;
        }
        return build(file.path, file.node, () -> new CenterPolicy(center, name, versions, new LoanRateTable(loanRates)));
    }

    private PolicyVersion policyVersion(String path, Node node) {
        Section version = section(path, node);
        if (version == null) {
            return null;
        }
        int before = problems.size();
        LocalDate effectiveFrom = version.value("effectiveFrom", this::date);
        ContributionRules contribution = version.object("contribution", this::contribution);
        AnnualRate depositRate = version.value("depositRate", text -> rate(text, MAX_DEPOSIT_RATE, "deposit"));
        RetirementWithdrawalRules retirement = version.object("retirementWithdrawal", this::retirement);
        PurchaseWithdrawalRules purchase = version.object("purchaseWithdrawal", this::purchase);
        LoanRules loan = version.object("loan", this::loan);
        version.reportUnknownKeys();
        if (problems.size() > before) {
            return null;
        }
        return build(path, node, () -> new PolicyVersion(effectiveFrom, contribution, depositRate, retirement, purchase, loan));
    }

    private ContributionRules contribution(Section s) {
        int before = problems.size();
        RateRange unit = s.object("unitRate", this::rateRange);
        RateRange personal = s.object("personalRate", this::rateRange);
        Money floor = s.value("baseFloor", this::yuan);
        Money cap = s.value("baseCap", this::yuan);
        s.reportUnknownKeys();
        if (floor != null && cap != null && floor.compareTo(cap) > 0) {
            problem(s.path("baseFloor"), s.child("baseFloor"), floor + " is above the base cap of " + cap);
        }
        if (floor != null && floor.fen() <= 0) {
            problem(s.path("baseFloor"), s.child("baseFloor"), floor + " is not a positive amount");
        }
        if (problems.size() > before) {
            return null;
        }
        return build(s.path, s.node, () -> new ContributionRules(unit, personal, floor, cap));
    }

    private RateRange rateRange(Section s) {
        int before = problems.size();
        BigDecimal min = s.value("min", this::contributionRate);
        BigDecimal max = s.value("max", this::contributionRate);
        s.reportUnknownKeys();
        if (min != null && max != null && min.compareTo(max) > 0) {
            problem(s.path, s.node, "min " + min.toPlainString() + "% is above max " + max.toPlainString() + "%");
        }
        if (problems.size() > before) {
            return null;
        }
        return build(s.path, s.node, () -> new RateRange(min, max));
    }

    private RetirementWithdrawalRules retirement(Section s) {
        int before = problems.size();
        Boolean sealed = s.value("accountMustBeSealed", this::flag);
        Boolean loan = s.value("outstandingLoanMustBeRepaid", this::flag);
        s.reportUnknownKeys();
        if (problems.size() > before) {
            return null;
        }
        return new RetirementWithdrawalRules(sealed, loan);
    }

    private PurchaseWithdrawalRules purchase(Section s) {
        int before = problems.size();
        List<Buyer> buyers = s.list("buyers", this::buyer);
        Integer window = s.value("windowMonths", text -> months(text, 1, 120));
        Boolean oncePerHome = s.value("oncePerHome", this::flag);
        Integer between = s.value("minMonthsBetweenWithdrawals", text -> months(text, 0, 120));
        AmountCap cap = s.object("amountCap", this::amountCap);
        Integer continuous = s.value("minContinuousContributionMonths", text -> months(text, 0, 120));
        Integer holding = s.value("secondHandElsewhereMinHoldingMonths", text -> months(text, 0, 120));
        s.reportUnknownKeys();
        if (buyers != null && !buyers.contains(Buyer.SELF)) {
            problem(s.path("buyers"), s.child("buyers"), "must include self: an employee may always withdraw for a home of their own");
        }
        if (problems.size() > before) {
            return null;
        }
        return build(s.path, s.node, () -> new PurchaseWithdrawalRules(EnumSet.copyOf(buyers), window, oncePerHome, between, cap,
                continuous, holding));
    }

    private AmountCap amountCap(Section s) {
        int before = problems.size();
        CapBasis basis = s.value("basis", text -> CapBasis.ofKey(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not one of price, selfPaidPart")));
        BigDecimal share = s.value("share", text -> {
            BigDecimal percent = decimal(text);
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(percent.toPlainString() + "% is not a share above 0% and at most 100%");
            }
            return percent;
        });
        s.reportUnknownKeys();
        if (problems.size() > before) {
            return null;
        }
        return new AmountCap(basis, share);
    }

    private LoanRules loan(Section s) {
        int before = problems.size();
        Integer continuous = s.value("minContinuousContributionMonths", text -> months(text, 0, 120));
        Integer term = s.value("maxTermYears", text -> {
            int years = whole(text);
            if (years > LoanRules.NATIONAL_MAX_TERM_YEARS) {
                throw new IllegalArgumentException(years + " years is above the national cap of " + LoanRules.NATIONAL_MAX_TERM_YEARS + " years");
            }
            if (years < 1) {
                throw new IllegalArgumentException(years + " is not a term in years (at least 1)");
            }
            return years;
        });
        Money maxAmount = s.value("maxAmount", text -> {
            Money amount = yuan(text);
            if (amount.fen() <= 0) {
                throw new IllegalArgumentException(amount + " is not a positive amount");
            }
            return amount;
        });
        Boolean secondLoan = s.value("secondLoanOnlyAfterFirstRepaid", this::flag);
        s.reportUnknownKeys();
        if (problems.size() > before) {
            return null;
        }
        return new LoanRules(continuous, term, maxAmount, secondLoan);
    }

    private LoanRates loanRates(String path, Node node) {
        Section version = section(path, node);
        if (version == null) {
            return null;
        }
        int before = problems.size();
        LocalDate effectiveFrom = version.value("effectiveFrom", this::date);
        RatePair first = version.object("firstHome", this::ratePair);
        RatePair second = version.object("secondHome", this::ratePair);
        version.reportUnknownKeys();
        if (problems.size() > before) {
            return null;
        }
        return new LoanRates(effectiveFrom, first.upTo5Years(), first.over5Years(), second.upTo5Years(), second.over5Years());
    }

    private record RatePair(AnnualRate upTo5Years, AnnualRate over5Years) {
    }

    private RatePair ratePair(Section s) {
        int before = problems.size();
        AnnualRate upTo5 = s.value("upTo5Years", text -> rate(text, MAX_LOAN_RATE, "loan"));
        AnnualRate over5 = s.value("over5Years", text -> rate(text, MAX_LOAN_RATE, "loan"));
        s.reportUnknownKeys();
        return problems.size() > before ? null : new RatePair(upTo5, over5);
    }

    /** Effective dates strictly increasing; two on one day are versions that overlap. */
    private void checkOrder(String listPath, List<LocalDate> dates, List<Node> items) {
        for (int i = 1; i < dates.size(); i++) {
            LocalDate previous = dates.get(i - 1);
            LocalDate current = dates.get(i);
            if (previous == null || current == null) {
                continue;
            }
            String path = listPath + "[" + i + "].effectiveFrom";
            if (current.equals(previous)) {
                problem(path, items.get(i), current + " is also the effective date of " + listPath + "[" + (i - 1)
                        + "]: two versions may not overlap");
            } else if (current.isBefore(previous)) {
                problem(path, items.get(i), current + " is before " + listPath + "[" + (i - 1) + "].effectiveFrom " + previous
                        + ": list the versions in order of effective date, so that each one ends where the next begins");
            }
        }
    }

    // ---- scalar values: each parser throws IllegalArgumentException with the text of the problem ------------------

    private CenterCode centerCode(String text) {
        try {
            return CenterCode.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a center code: " + e.getMessage());
        }
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date like 2025-07-01");
        }
    }

    private BigDecimal decimal(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a number like 12 or 1.50");
        }
        return new BigDecimal(text);
    }

    private int whole(String text) {
        if (!text.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return Integer.parseInt(text);
    }

    private int months(String text, int min, int max) {
        int months = whole(text);
        if (months < min || months > max) {
            throw new IllegalArgumentException(months + " months is outside " + min + "–" + max);
        }
        return months;
    }

    private boolean flag(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private Money yuan(String text) {
        if (!text.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in yuan like 2420.00");
        }
        return Money.parse(text);
    }

    private BigDecimal contributionRate(String text) {
        BigDecimal percent = decimal(text);
        if (percent.compareTo(RateRange.NATIONAL_MAX) > 0) {
            throw new IllegalArgumentException(percent.toPlainString() + "% is above the national cap of "
                    + RateRange.NATIONAL_MAX.toPlainString() + "%");
        }
        if (percent.compareTo(RateRange.NATIONAL_MIN) < 0) {
            throw new IllegalArgumentException(percent.toPlainString() + "% is below the national floor of "
                    + RateRange.NATIONAL_MIN.toPlainString() + "%");
        }
        return percent;
    }

    private AnnualRate rate(String text, BigDecimal max, String kind) {
        BigDecimal percent = decimal(text);
        if (percent.signum() <= 0 || percent.compareTo(max) > 0) {
            throw new IllegalArgumentException(percent.toPlainString() + "% is not a plausible " + kind + " rate (above 0%, at most "
                    + max.toPlainString() + "%)");
        }
        return new AnnualRate(percent);
    }

    private Buyer buyer(String path, Node node) {
        Optional<String> text = scalar(path, node);
        if (text.isEmpty()) {
            return null;
        }
        Optional<Buyer> buyer = Buyer.ofKey(text.get());
        if (buyer.isEmpty()) {
            problem(path, node, "'" + text.get() + "' is not one of self, spouse, parent, child");
            return null;
        }
        return buyer.get();
    }

    // ---- walking the tree -----------------------------------------------------------------------------------------

    private void problem(String path, Node node, String text) {
        String where = node == null ? "" : " (line " + (node.getStartMark().getLine() + 1) + ")";
        problems.add((path.isEmpty() ? "" : path + ": ") + text + where);
    }

    private Optional<String> scalar(String path, Node node) {
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return Optional.of(scalar.getValue().strip());
        }
        problem(path, node, isNull(node) ? "has no value" : "is not a single value");
        return Optional.empty();
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** Builds a value object whose own checks should pass once the loader's have; reports it if not. */
    private <T> T build(String path, Node node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problem(path, node, e.getMessage());
            return null;
        }
    }

    private Section section(String path, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(path.isEmpty() ? "(top)" : path, node, "is not a mapping of keys to values");
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problem(path, tuple.getKeyNode(), "a key is not a plain word");
            } else if (entries.putIfAbsent(key, tuple.getValueNode()) != null) {
                problem(join(path, key), tuple.getKeyNode(), "appears twice");
            }
        }
        return new Section(path, mapping, entries);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A mapping in the file, with the keys read from it so far. */
    private final class Section {

        final String path;
        final MappingNode node;
        private final Map<String, Node> entries;
        private final Set<String> read = new HashSet<>();

        Section(String path, MappingNode node, Map<String, Node> entries) {
            this.path = path;
            this.node = node;
            this.entries = entries;
        }

        String path(String key) {
            return join(path, key);
        }

        Node child(String key) {
            return entries.get(key);
        }

        private Optional<Node> required(String key) {
            read.add(key);
            Node child = entries.get(key);
            if (isNull(child)) {
                problem(path(key), child == null ? node : child, "is missing");
                return Optional.empty();
            }
            return Optional.of(child);
        }

        /** A single value, parsed; null (and a problem) when missing or wrong. */
        <T> T value(String key, Function<String, T> parser) {
            Optional<Node> child = required(key);
            if (child.isEmpty()) {
                return null;
            }
            Optional<String> text = scalar(path(key), child.get());
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parser.apply(text.get());
            } catch (IllegalArgumentException e) {
                problem(path(key), child.get(), e.getMessage());
                return null;
            }
        }

        /** A nested mapping, read by {@code reader}; null when missing or wrong. */
        <T> T object(String key, Function<Section, T> reader) {
            Optional<Node> child = required(key);
            if (child.isEmpty()) {
                return null;
            }
            Section nested = section(path(key), child.get());
            return nested == null ? null : reader.apply(nested);
        }

        /** A non-empty list, each item read by {@code reader} with its path; null when missing, wrong or any item is. */
        <T> List<T> list(String key, ItemReader<T> reader) {
            Optional<Node> child = required(key);
            if (child.isEmpty()) {
                return null;
            }
            if (!(child.get() instanceof SequenceNode sequence)) {
                problem(path(key), child.get(), "is not a list");
                return null;
            }
            if (sequence.getValue().isEmpty()) {
                problem(path(key), sequence, "is empty");
                return null;
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                T item = reader.read(path(key) + "[" + i + "]", sequence.getValue().get(i));
                items.add(item);
            }
            // unreadable items stay as nulls, so that the order of the readable ones can still be checked
            return items;
        }

        /** The item nodes of a list already read. */
        List<Node> items(String key) {
            return entries.get(key) instanceof SequenceNode sequence ? sequence.getValue() : List.of();
        }

        void reportUnknownKeys() {
            for (Map.Entry<String, Node> entry : entries.entrySet()) {
                if (!read.contains(entry.getKey())) {
                    problem(path(entry.getKey()), entry.getValue(), "is not a key of a policy file here (a typo?)");
                }
            }
        }
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(String path, Node node);
    }
}
