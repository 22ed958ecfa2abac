package cn.tongban.center.department;

/** The external departments a center asks, with the name a clerk knows them by. */
public enum Department {
    /** 银行结算: the center's settlement bank, which pays withdrawals to the person's card. */
    BANK("银行结算"),
    /** 公安身份核验: the population register, name against identity number. */
    IDENTITY("身份核验"),
    /** 人社 / 社保: the pension insurance record, which says whether and when a person retired. */
    SOCIAL_SECURITY("社保"),
    /** 市场监管: the enterprise register and its electronic business licences (电子营业执照). */
    MARKET_REGULATION("市场监管"),
    /** 不动产登记: the real-estate registry, which confirms a purchase contract and its buyers. */
    REAL_ESTATE("不动产登记");

    private final String chinese;

    Department(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
