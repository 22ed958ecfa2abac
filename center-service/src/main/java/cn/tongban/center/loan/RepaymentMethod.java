package cn.tongban.center.loan;

import java.util.Arrays;

/**
 * Repayment method (还款方式, DKHKFS) of the national data standard JGJ/T 320, as far as this center offers
 * them. The standard also knows 03 一次还本付息, 04 自由还款 and 99 其他, which no center loan here uses;
 * {@link #ofCode} refuses them rather than schedule them wrongly.
 */
public enum RepaymentMethod {
    /** 01 等额本息: the same total every month; interest falls and principal rises as the loan is repaid. */
    EQUAL_INSTALLMENT("01", "等额本息"),
    /** 02 等额本金: the same principal every month plus the interest on what is still owed. */
    EQUAL_PRINCIPAL("02", "等额本金");

    private final String code;
    private final String chinese;

    RepaymentMethod(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static RepaymentMethod ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no repayment method offered has the code " + code));
    }
}
