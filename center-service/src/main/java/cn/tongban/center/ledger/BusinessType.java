package cn.tongban.center.ledger;

import java.util.Arrays;

/**
 * Contribution and withdrawal business type (缴存提取业务类型, GJHTQYWLX) of the national data standard
 * JGJ/T 320, with the way each one moves the balance. Only the types that move money become
 * {@link LedgerEntry ledger entries}; the others (开户, 封存, 冻结 …) change the account's state, not its balance.
 */
public enum BusinessType {
    /** 01 汇缴: the monthly remittance by the employer. */
    REMITTANCE("01", "汇缴", Direction.IN),
    /** 02 补缴: a back payment for months missed. */
    BACK_PAYMENT("02", "补缴", Direction.IN),
    /** 03 开户. */
    ACCOUNT_OPENING("03", "开户", Direction.NONE),
    /** 04 启封. */
    UNSEALING("04", "启封", Direction.NONE),
    /** 05 封存. */
    SEALING("05", "封存", Direction.NONE),
    /** 06 内部转移: between two accounts of this center, out of one and into the other. */
    INTERNAL_TRANSFER("06", "内部转移", Direction.EITHER),
    /** 07 外部转出: to another center (异地转移接续). */
    TRANSFER_OUT("07", "外部转出", Direction.OUT),
    /** 08 外部转入: from another center. */
    TRANSFER_IN("08", "外部转入", Direction.IN),
    /** 09 年终结息: interest credited at the yearly settlement (or when the account is closed). */
    INTEREST("09", "年终结息", Direction.IN),
    /** 10 基数调整. */
    BASE_ADJUSTMENT("10", "基数调整", Direction.NONE),
    /** 11 部分提取: a withdrawal that leaves the account open (home purchase, rent, loan repayment …). */
    PARTIAL_WITHDRAWAL("11", "部分提取", Direction.OUT),
    /** 12 销户提取: the withdrawal of everything that closes the account (retirement …). */
    CLOSING_WITHDRAWAL("12", "销户提取", Direction.OUT),
    /** 13 缓缴处理. */
    DEFERRAL("13", "缓缴处理", Direction.NONE),
    /** 14 冻结. */
    FREEZE("14", "冻结", Direction.NONE),
    /** 15 解冻. */
    UNFREEZE("15", "解冻", Direction.NONE),
    /** 99 其他: money either way, for what the standard does not name. */
    OTHER("99", "其他", Direction.EITHER);

    /** How an original (not reversing) entry of the type moves the balance. */
    public enum Direction {
        /** Adds to the balance. */
        IN,
        /** Takes from the balance. */
        OUT,
        /** Either way. */
        EITHER,
        /** Moves no money. */
        NONE
    }

    private final String code;
    private final String chinese;
    private final Direction direction;

    BusinessType(String code, String chinese, Direction direction) {
        this.code = code;
        this.chinese = chinese;
        this.direction = direction;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public Direction direction() {
        return direction;
    }

    public boolean movesMoney() {
        return direction != Direction.NONE;
    }

    public static BusinessType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no business type has the code " + code));
    }
}
