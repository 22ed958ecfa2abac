package cn.tongban.center.dataquality;

/**
 * The CSV columns the legacy import understands, named as in the national data standard JGJ/T 320 (pinyin initials
 * of the Chinese field name), except {@link #TYSHXYDM}, which the standard predates. Headers are matched ignoring
 * case and surrounding spaces; columns not listed here are ignored.
 */
public enum Column {
    /** 个人账号: the personal account number. */
    GRZH("个人账号"),
    /** 姓名: the account holder's name. */
    XINGMING("姓名"),
    /** 证件号码: the resident identity number (公民身份号码, GB 11643). */
    ZJHM("证件号码"),
    /** 单位账号: the employer's unit account number. */
    DWZH("单位账号"),
    /** 单位名称: the employer's name. */
    DWMC("单位名称"),
    /** 开户日期: the day the account was opened. */
    KHRQ("开户日期"),
    /** 个人账户状态: the JGJ/T 320 state code, 01 正常 … 99 其他. */
    GRZHZT("个人账户状态"),
    /** 缴存基数: the monthly contribution base in yuan. */
    GRJCJS("缴存基数"),
    /** 单位缴存比例: the employer's rate in percent. */
    DWJCBL("单位缴存比例"),
    /** 个人缴存比例: the employee's rate in percent. */
    GRJCBL("个人缴存比例"),
    /** 个人账户余额: the balance in yuan. */
    GRZHYE("个人账户余额"),
    /** 银行账号: the bank account (for a person, the bank card) withdrawals are paid into. */
    YHZH("银行账号"),
    /** 统一社会信用代码: the employer's unified social credit code (GB 32100). */
    TYSHXYDM("统一社会信用代码");

    private final String chinese;

    Column(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
