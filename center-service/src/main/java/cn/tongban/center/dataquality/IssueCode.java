package cn.tongban.center.dataquality;

/**
 * A data-quality issue (数据质量问题) with a stable code: why an imported row was quarantined, why it was imported
 * but flagged for manual review, or what the report over stored records found. The codes are part of the API
 * (batch reports, quarantine listings, the report); add new ones, never rename.
 */
public enum IssueCode {

    // ---- refusals: the row is quarantined ----------------------------------------------------------------------

    /** A required field is empty (必填字段缺失). */
    MISSING_FIELD(true, "必填字段缺失"),
    /** The row is not well-formed CSV, or has another number of fields than the header (行格式错误). */
    MALFORMED_ROW(true, "行格式错误"),
    /** The identity number fails GB 11643: length, characters, birth date or check character (证件号码无效). */
    INVALID_IDENTITY_NUMBER(true, "证件号码无效"),
    /** A date that does not exist, lies in the future, or contradicts another (日期不可能). */
    IMPOSSIBLE_DATE(true, "日期不可能"),
    /** An account state code that JGJ/T 320 does not define (账户状态代码未知). */
    UNKNOWN_ACCOUNT_STATE(true, "账户状态代码未知"),
    /** A contribution rate outside 5%–12% (缴存比例超出范围). */
    RATE_OUT_OF_RANGE(true, "缴存比例超出范围"),
    /** A balance below zero (余额为负). */
    NEGATIVE_BALANCE(true, "余额为负"),
    /** An amount or rate that is not a number, has more than two decimals, or a base that is not positive (金额格式错误). */
    BAD_AMOUNT(true, "金额格式错误"),
    /** The same account number (or credit code) twice in the file (文件内重复). */
    DUPLICATE_IN_FILE(true, "文件内重复"),
    /** The account number (or credit code) is already in this center's database (账户已存在). */
    ALREADY_EXISTS(true, "账户已存在"),
    /** A unified social credit code that is not even shaped like one (统一社会信用代码格式错误). */
    INVALID_CREDIT_CODE(true, "统一社会信用代码格式错误"),

    // ---- warnings: the row is imported and flagged for manual review ------------------------------------------

    /**
     * A unified social credit code whose check character (GB 32100) or organisation-code check (GB 11714) fails. Codes
     * from some early pilot areas do and are legal, so this is checked by hand, not refused (校验位不符，待人工核实).
     */
    CREDIT_CODE_CHECK_FAILED(false, "统一社会信用代码校验位不符，待人工核实"),
    /** No bank account (银行账号, YHZH) to pay withdrawals into, or none that is 10 to 32 digits (缺少银行账号). */
    MISSING_BANK_ACCOUNT(false, "缺少银行账号"),
    /** The person has another open account at this center (同一证件号码有多个未销户账户; a case for 合并销户). */
    DUPLICATE_PERSON(false, "同一证件号码有多个未销户账户"),

    // ---- found only by the report over stored records ---------------------------------------------------------

    /** An open account whose balance is not the sum of its recorded contributions (余额与缴存明细不符). */
    BALANCE_NOT_SUM_OF_CONTRIBUTIONS(false, "余额与缴存明细合计不符"),
    /** A closed account (销户) that still holds money (已销户账户余额不为零). */
    CLOSED_WITH_BALANCE(false, "已销户账户余额不为零");

    private final boolean refusesRow;
    private final String chinese;

    IssueCode(boolean refusesRow, String chinese) {
        this.refusesRow = refusesRow;
        this.chinese = chinese;
    }

    /** Whether a row with this issue is quarantined (true) or imported and flagged for review (false). */
    public boolean refusesRow() {
        return refusesRow;
    }

    public String chinese() {
        return chinese;
    }
}
