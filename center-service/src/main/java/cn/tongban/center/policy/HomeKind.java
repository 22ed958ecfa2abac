package cn.tongban.center.policy;

/** Whether a home is bought new from the developer or second-hand (新建商品住房 / 二手住房). */
public enum HomeKind {
    /** 新建商品住房 (including homes sold before completion, 期房). */
    NEW("新建商品住房"),
    /** 二手住房 (存量住房). */
    SECOND_HAND("二手住房");

    private final String chinese;

    HomeKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
