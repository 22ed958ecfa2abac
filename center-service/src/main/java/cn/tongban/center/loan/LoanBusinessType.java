package cn.tongban.center.loan;

import java.util.Arrays;

/** Loan business type (贷款业务类型) of the national data standard JGJ/T 320. */
public enum LoanBusinessType {
    /** 01 发放. */
    GRANT("01", "发放"),
    /** 02 正常还款. */
    REGULAR_REPAYMENT("02", "正常还款"),
    /** 03 提前还款. */
    EARLY_REPAYMENT("03", "提前还款"),
    /** 04 逾期还款: a payment that settles at least part of an installment past its due date. */
    OVERDUE_REPAYMENT("04", "逾期还款"),
    /** 05 公积金提取还款. */
    REPAYMENT_FROM_FUND("05", "公积金提取还款"),
    /** 06 结清. */
    SETTLEMENT("06", "结清"),
    /** 07 展期. */
    EXTENSION("07", "展期"),
    /** 08 缩期. */
    SHORTENING("08", "缩期"),
    /** 09 核销. */
    WRITE_OFF("09", "核销"),
    /** 99 其他. */
    OTHER("99", "其他");

    private final String code;
    private final String chinese;

    LoanBusinessType(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static LoanBusinessType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no loan business type has the code " + code));
    }
}
