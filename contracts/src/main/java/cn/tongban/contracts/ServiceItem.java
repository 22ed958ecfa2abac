package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of cross-province service items (跨省通办事项目录). The eight items of the 2020-11-05 notice are
 * the constants below; the notice expects more items over time, so the catalogue is open: a service adds an item
 * from its configuration with {@link #define} at start-up (see docs/adr/0011), and from then on {@link #ofCode}
 * knows it. The code is what travels in events; time limits are the platform's configuration, not part of the
 * contract.
 *
 * <p>Not an enum any more, but used like one: the constants are singletons (compare with {@code ==}),
 * {@link #values()} lists the catalogue in code order and {@link #name()} is the stable constant name under which
 * an item is stored.
 */
public final class ServiceItem implements Comparable<ServiceItem> {

    private static final Pattern CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Map<String, ServiceItem> BY_CODE = Collections.synchronizedMap(new LinkedHashMap<>());

    /** 缴存贷款等信息查询. */
    public static final ServiceItem INFORMATION_QUERY =
            legislated("01", "INFORMATION_QUERY", "缴存贷款等信息查询", EnumSet.of(HandlingMode.FULLY_ONLINE));
    /** 出具贷款职工住房公积金缴存使用证明. */
    public static final ServiceItem CONTRIBUTION_USE_CERTIFICATE =
            legislated("02", "CONTRIBUTION_USE_CERTIFICATE", "出具贷款职工住房公积金缴存使用证明", EnumSet.of(HandlingMode.PROXY));
    /** 正常退休提取. */
    public static final ServiceItem RETIREMENT_WITHDRAWAL = legislated("03", "RETIREMENT_WITHDRAWAL", "正常退休提取",
            EnumSet.of(HandlingMode.FULLY_ONLINE, HandlingMode.PROXY));
    /** 单位登记开户. */
    public static final ServiceItem EMPLOYER_REGISTRATION =
            legislated("04", "EMPLOYER_REGISTRATION", "单位登记开户", EnumSet.of(HandlingMode.FULLY_ONLINE));
    /** 单位及个人缴存信息变更. */
    public static final ServiceItem CONTRIBUTION_INFORMATION_CHANGE = legislated("05", "CONTRIBUTION_INFORMATION_CHANGE",
            "单位及个人缴存信息变更", EnumSet.of(HandlingMode.FULLY_ONLINE));
    /** 购房提取. */
    public static final ServiceItem HOME_PURCHASE_WITHDRAWAL =
            legislated("06", "HOME_PURCHASE_WITHDRAWAL", "购房提取", EnumSet.of(HandlingMode.JOINT));
    /** 开具住房公积金个人住房贷款全部还清证明. */
    public static final ServiceItem LOAN_REPAID_CERTIFICATE = legislated("07", "LOAN_REPAID_CERTIFICATE",
            "开具住房公积金个人住房贷款全部还清证明", EnumSet.of(HandlingMode.PROXY));
    /** 提前还清住房公积金贷款. */
    public static final ServiceItem EARLY_LOAN_REPAYMENT =
            legislated("08", "EARLY_LOAN_REPAYMENT", "提前还清住房公积金贷款", EnumSet.of(HandlingMode.FULLY_ONLINE));

    private final String code;
    private final String name;
    private final String chineseName;
    private final Set<HandlingMode> modes;
    private final boolean legislated;

    private ServiceItem(String code, String name, String chineseName, Set<HandlingMode> modes, boolean legislated) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an item code is two digits: " + code);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an item name is upper case, e.g. HOME_PURCHASE_WITHDRAWAL: " + name);
        }
        if (chineseName == null || chineseName.isBlank()) {
            throw new IllegalArgumentException("item " + code + " has its Chinese name");
        }
        if (modes == null || modes.isEmpty()) {
            throw new IllegalArgumentException("item " + code + " is handled in at least one mode");
        }
        this.code = code;
        this.name = name;
        this.chineseName = chineseName;
        this.modes = Collections.unmodifiableSet(EnumSet.copyOf(modes));
        this.legislated = legislated;
    }

    private static ServiceItem legislated(String code, String name, String chineseName, Set<HandlingMode> modes) {
        ServiceItem item = new ServiceItem(code, name, chineseName, modes, true);
        BY_CODE.put(code, item);
        return item;
    }

    /**
     * Adds an item to the catalogue (a service does this from its configuration at start-up). Defining an item
     * again with the same data is allowed and returns the one defined first; a legislated item, or an item with
     * the same code and other data, cannot be redefined.
     *
     * @throws IllegalArgumentException when the code is taken by another item, or the data are invalid
     */
    public static ServiceItem define(String code, String name, String chineseName, Set<HandlingMode> modes) {
        ServiceItem candidate = new ServiceItem(code, name, chineseName, modes, false);
        synchronized (BY_CODE) {
            ServiceItem existing = BY_CODE.get(code);
            if (existing != null) {
                if (existing.legislated || !existing.sameAs(candidate)) {
                    throw new IllegalArgumentException("item " + code + " is already in the catalogue as " + existing);
                }
                return existing;
            }
            if (BY_CODE.values().stream().anyMatch(item -> item.name.equals(name))) {
                throw new IllegalArgumentException("another item is already named " + name);
            }
            BY_CODE.put(code, candidate);
            return candidate;
        }
    }

    private boolean sameAs(ServiceItem other) {
        return name.equals(other.name) && chineseName.equals(other.chineseName) && modes.equals(other.modes);
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The stable constant name, e.g. {@code HOME_PURCHASE_WITHDRAWAL}: how an item is stored and shown in metrics. */
    public String name() {
        return name;
    }

    public String chineseName() {
        return chineseName;
    }

    public Set<HandlingMode> modes() {
        return EnumSet.copyOf(modes);
    }

    /** One of the eight items of the 2020-11-05 notice, rather than one added by configuration. */
    public boolean isLegislated() {
        return legislated;
    }

    @JsonCreator
    public static ServiceItem ofCode(String code) {
        ServiceItem item = BY_CODE.get(code);
        if (item == null) {
            throw new IllegalArgumentException("no service item has the code " + code);
        }
        return item;
    }

    /** The item of a stored constant name (see {@link #name()}), as {@code Enum.valueOf} did. */
    public static ServiceItem valueOf(String name) {
        synchronized (BY_CODE) {
            return BY_CODE.values().stream().filter(item -> item.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service item is named " + name));
        }
    }

    /** The whole catalogue, in code order. */
    public static ServiceItem[] values() {
        synchronized (BY_CODE) {
            List<ServiceItem> all = new ArrayList<>(BY_CODE.values());
            Collections.sort(all);
            return all.toArray(ServiceItem[]::new);
        }
    }

    @Override
    public int compareTo(ServiceItem other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceItem item && item.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return name;
    }
}
