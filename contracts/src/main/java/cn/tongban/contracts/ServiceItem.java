package cn.tongban.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The catalogue of cross-province service items (跨省通办事项) of the 2020-11-05 notice. The code is
 * what travels in events; time limits are the platform's configuration, not part of the contract.
 */
public enum ServiceItem {
    /** 缴存贷款等信息查询. */
    INFORMATION_QUERY("01", "缴存贷款等信息查询", EnumSet.of(HandlingMode.FULLY_ONLINE)),
    /** 出具贷款职工住房公积金缴存使用证明. */
    CONTRIBUTION_USE_CERTIFICATE("02", "出具贷款职工住房公积金缴存使用证明", EnumSet.of(HandlingMode.PROXY)),
    /** 正常退休提取. */
    RETIREMENT_WITHDRAWAL("03", "正常退休提取", EnumSet.of(HandlingMode.FULLY_ONLINE, HandlingMode.PROXY)),
    /** 单位登记开户. */
    EMPLOYER_REGISTRATION("04", "单位登记开户", EnumSet.of(HandlingMode.FULLY_ONLINE)),
    /** 单位及个人缴存信息变更. */
    CONTRIBUTION_INFORMATION_CHANGE("05", "单位及个人缴存信息变更", EnumSet.of(HandlingMode.FULLY_ONLINE)),
    /** 购房提取. */
    HOME_PURCHASE_WITHDRAWAL("06", "购房提取", EnumSet.of(HandlingMode.JOINT)),
    /** 开具住房公积金个人住房贷款全部还清证明. */
    LOAN_REPAID_CERTIFICATE("07", "开具住房公积金个人住房贷款全部还清证明", EnumSet.of(HandlingMode.PROXY)),
    /** 提前还清住房公积金贷款. */
    EARLY_LOAN_REPAYMENT("08", "提前还清住房公积金贷款", EnumSet.of(HandlingMode.FULLY_ONLINE));

    private final String code;
    private final String chineseName;
    private final Set<HandlingMode> modes;

    ServiceItem(String code, String chineseName, Set<HandlingMode> modes) {
        this.code = code;
        this.chineseName = chineseName;
        this.modes = modes;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public Set<HandlingMode> modes() {
        return EnumSet.copyOf(modes);
    }

    @JsonCreator
    public static ServiceItem ofCode(String code) {
        return Arrays.stream(values())
                .filter(item -> item.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service item has the code " + code));
    }
}
