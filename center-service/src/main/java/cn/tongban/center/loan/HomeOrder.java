package cn.tongban.center.loan;

/** Whether the loan is for the family's first or second home (首套 / 二套住房); the rate depends on it. */
public enum HomeOrder {
    /** 首套. */
    FIRST_HOME("首套"),
    /** 二套. */
    SECOND_HOME("二套");

    private final String chinese;

    HomeOrder(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
