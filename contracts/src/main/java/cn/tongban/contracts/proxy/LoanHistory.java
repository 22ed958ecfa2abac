package cn.tongban.contracts.proxy;

/** Provident-fund loan history as printed on the contribution-and-use certificate. */
public enum LoanHistory {
    /** 无贷款记录. */
    NONE("无贷款记录"),
    /** 仅有一次贷款记录且已还清. */
    ONE_REPAID("仅有一次贷款记录且已还清"),
    /** 两次以上贷款记录且已还清. */
    TWO_OR_MORE_REPAID("两次以上贷款记录且已还清"),
    /** 有未还清贷款: a loan is still outstanding. */
    OUTSTANDING("有未还清的住房公积金贷款");

    private final String chinese;

    LoanHistory(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
