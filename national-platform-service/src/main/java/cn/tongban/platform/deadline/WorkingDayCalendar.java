package cn.tongban.platform.deadline;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The Chinese working-day calendar (工作日历): Monday to Friday, minus the official public holidays (放假),
 * plus the adjusted working days (调休上班) that fall on a Saturday or Sunday, as the State Council publishes
 * them each November for the following year.
 *
 * <p>The calendar knows only the years its data lists. A day in any other year is counted Monday to Friday
 * (a weekday works, a weekend does not); that is a fallback, not a fact, so every count reports the years it
 * had to count that way ({@link #yearsWithoutData}, {@link DueDate#yearsWithoutData()}) and the caller
 * reports them in turn. A holiday published with the next year's data that starts in the last days of the
 * year before (元旦 2024 began on 2023-12-30) is honoured even when that earlier year has no data.
 *
 * <p>Immutable and thread-safe; plain Java, loaded once from the YAML data file.
 */
public final class WorkingDayCalendar {

    /** Where the copy bundled with the platform lies on the class path. */
    public static final String BUNDLED = "/calendar/cn-workday-calendar.yaml";

    private final NavigableMap<Integer, List<Holiday>> holidaysByYear;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> adjustedWorkdays;

    private WorkingDayCalendar(NavigableMap<Integer, List<Holiday>> holidaysByYear, Set<LocalDate> daysOff,
                               Set<LocalDate> adjustedWorkdays) {
        this.holidaysByYear = holidaysByYear;
        this.daysOff = daysOff;
        this.adjustedWorkdays = adjustedWorkdays;
    }

    /**
     * Reads calendar data in the form of {@code cn-workday-calendar.yaml}: per year a list of
     * {@code holidays} ({@code {from, to, name}}) and a list of adjusted {@code workdays}.
     *
     * @throws IllegalArgumentException when the data is malformed or contradicts itself (an adjusted
     *         working day on a weekday or inside a holiday, a date far outside its year, …); the message
     *         names the line
     */
    public static WorkingDayCalendar load(InputStream yaml) {
        Node root;
        try (Reader reader = new InputStreamReader(yaml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("working-day calendar: not YAML: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null) {
            throw new IllegalArgumentException("working-day calendar: the data is empty");
        }
        return new Parser().parse(root);
    }

    /** The calendar bundled with the platform ({@value #BUNDLED}). */
    public static WorkingDayCalendar bundled() {
        try (InputStream data = WorkingDayCalendar.class.getResourceAsStream(BUNDLED)) {
            if (data == null) {
                throw new IllegalStateException("the working-day calendar " + BUNDLED + " is not on the class path");
            }
            return load(data);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The years the data lists, in order. */
    public SortedSet<Integer> yearsWithData() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(holidaysByYear.keySet()));
    }

    public boolean hasDataFor(int year) {
        return holidaysByYear.containsKey(year);
    }

    /** The holidays published for a year, in order; empty for a year without data. */
    public List<Holiday> holidaysOf(int year) {
        return holidaysByYear.getOrDefault(year, List.of());
    }

    /**
     * Whether people work on this day: an adjusted working day always, a holiday never, otherwise Monday
     * to Friday. In a year without data this is the Monday-to-Friday fallback; see {@link #hasDataFor}.
     */
    public boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkdays.contains(day)) {
            return true;
        }
        if (daysOff.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a time limit of {@code n} working days ends, for a request delivered on {@code start}.
     * The day of delivery never counts, whatever kind of day it is: counting starts on the next working day
     * after {@code start}, which is working day 1, and the answer is working day {@code n}. A request
     * delivered on Thursday 2026-02-12 with 3 working days is due on Tuesday 2026-02-24: Friday the 13th (1),
     * the adjusted Saturday the 14th (2), then the Spring Festival holiday, then Tuesday the 24th (3).
     * With {@code n == 0} the answer is {@code start} itself.
     *
     * <p>Years without data are counted Monday to Friday; ask {@link #yearsWithoutData} or use
     * {@link #dueDate} to learn whether that happened.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a time limit is zero or more working days, not " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@link #addWorkingDays} together with the years it had to count without data. */
    public DueDate dueDate(LocalDate start, int n) {
        LocalDate due = addWorkingDays(start, n);
        return new DueDate(due, yearsWithoutData(start, due));
    }

    /**
     * The working days after {@code from} up to and including {@code to}, counted the way
     * {@link #addWorkingDays} counts them, so that {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     * Negative when {@code to} lies before {@code from} (a time limit not yet reached, counted from the
     * other side), zero when they are the same day.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The years between two days (both included, in either order) that the data does not cover, in
     * order: days there were counted Monday to Friday. Empty when every day lies in a year with data.
     */
    public Set<Integer> yearsWithoutData(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        SortedSet<Integer> gaps = new TreeSet<>();
        for (int year = first; year <= last; year++) {
            if (!hasDataFor(year)) {
                gaps.add(year);
            }
        }
        return Collections.unmodifiableSortedSet(gaps);
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + holidaysByYear.keySet();
    }

    /** Reads the node tree, so that every value stays text until checked here and errors name their line. */
    private static final class Parser {

        private final NavigableMap<Integer, List<Holiday>> holidaysByYear = new TreeMap<>();
        private final Map<LocalDate, String> daysOff = new HashMap<>();
        private final Set<LocalDate> workdays = new TreeSet<>();

        WorkingDayCalendar parse(Node root) {
            for (NodeTuple entry : mapping(root, "the data").getValue()) {
                int year = year(entry.getKeyNode());
                if (holidaysByYear.containsKey(year)) {
                    throw problem(entry.getKeyNode(), "the year " + year + " appears twice");
                }
                holidaysByYear.put(year, readYear(year, entry.getValueNode()));
            }
            return new WorkingDayCalendar(Collections.unmodifiableNavigableMap(holidaysByYear),
                    Set.copyOf(daysOff.keySet()), Set.copyOf(workdays));
        }

        private List<Holiday> readYear(int year, Node node) {
            List<Holiday> holidays = new ArrayList<>();
            for (NodeTuple entry : mapping(node, "the year " + year).getValue()) {
                String key = scalar(entry.getKeyNode(), "a key");
                switch (key) {
                    case "holidays" -> {
                        for (Node item : sequence(entry.getValueNode(), "holidays of " + year).getValue()) {
                            holidays.add(readHoliday(year, item));
                        }
                    }
                    case "workdays" -> {
                        for (Node item : sequence(entry.getValueNode(), "workdays of " + year).getValue()) {
                            readWorkday(year, item);
                        }
                    }
                    default -> throw problem(entry.getKeyNode(), "unknown key '" + key + "' in " + year
                            + " (expected holidays, workdays)");
                }
            }
            holidays.sort((a, b) -> a.from().compareTo(b.from()));
            return List.copyOf(holidays);
        }

        private Holiday readHoliday(int year, Node node) {
            Map<String, Node> fields = new HashMap<>();
            for (NodeTuple entry : mapping(node, "a holiday").getValue()) {
                String key = scalar(entry.getKeyNode(), "a key");
                if (!Set.of("from", "to", "name").contains(key)) {
                    throw problem(entry.getKeyNode(), "unknown key '" + key + "' in a holiday (expected from, to, name)");
                }
                fields.put(key, entry.getValueNode());
            }
            for (String required : List.of("from", "to", "name")) {
                if (!fields.containsKey(required)) {
                    throw problem(node, "a holiday needs '" + required + "'");
                }
            }
            LocalDate from = date(year, fields.get("from"));
            LocalDate to = date(year, fields.get("to"));
            String name = scalar(fields.get("name"), "a holiday's name");
            Holiday holiday;
            try {
                holiday = new Holiday(from, to, name);
            } catch (IllegalArgumentException e) {
                throw problem(node, e.getMessage());
            }
            if (from.plusDays(31).isBefore(to)) {
                throw problem(node, name + " would last more than a month: " + from + " to " + to);
            }
            holiday.days().forEach(day -> {
                String other = daysOff.putIfAbsent(day, name);
                if (other != null) {
                    throw problem(node, day + " is in both " + other + " and " + name);
                }
                if (workdays.contains(day)) {
                    throw problem(node, day + " is both a holiday and an adjusted working day");
                }
            });
            return holiday;
        }

        private void readWorkday(int year, Node node) {
            LocalDate day = date(year, node);
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                throw problem(node, "the adjusted working day " + day + " is a " + weekday
                        + "; only a Saturday or Sunday can be made a working day");
            }
            if (daysOff.containsKey(day)) {
                throw problem(node, day + " is both a holiday (" + daysOff.get(day) + ") and an adjusted working day");
            }
            if (!workdays.add(day)) {
                throw problem(node, "the adjusted working day " + day + " appears twice");
            }
        }

        /** A date of a year's data: in that year, or in the last month before or the first month after it. */
        private LocalDate date(int year, Node node) {
            String text = scalar(node, "a date");
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw problem(node, "'" + text + "' is not a date (YYYY-MM-DD)");
            }
            if (day.isBefore(LocalDate.of(year - 1, 12, 1)) || day.isAfter(LocalDate.of(year + 1, 1, 31))) {
                throw problem(node, day + " is listed under " + year);
            }
            return day;
        }

        private int year(Node node) {
            String text = scalar(node, "a year");
            if (!text.matches("(19|20|21)\\d\\d")) {
                throw problem(node, "'" + text + "' is not a year");
            }
            return Integer.parseInt(text);
        }

        private static MappingNode mapping(Node node, String what) {
            if (node instanceof MappingNode mapping) {
                return mapping;
            }
            throw problem(node, what + " must be a mapping");
        }

        private static SequenceNode sequence(Node node, String what) {
            if (node instanceof SequenceNode sequence) {
                return sequence;
            }
            throw problem(node, what + " must be a list");
        }

        private static String scalar(Node node, String what) {
            if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                return scalar.getValue().trim();
            }
            throw problem(node, what + " must be a plain value");
        }

        private static IllegalArgumentException problem(Node node, String message) {
            return new IllegalArgumentException(
                    "working-day calendar, line " + (node.getStartMark().getLine() + 1) + ": " + message);
        }
    }
}
