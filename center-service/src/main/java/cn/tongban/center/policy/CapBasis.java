package cn.tongban.center.policy;

import java.util.Arrays;
import java.util.Optional;

/** What the family's withdrawals for one home are capped by (提取额度上限的依据). */
public enum CapBasis {
    /** The price of the home (购房总价). */
    PRICE("price", "购房总价"),
    /** The part paid without a loan (自付部分 = 总价 − 贷款). */
    SELF_PAID_PART("selfPaidPart", "自付部分");

    private final String key;
    private final String chinese;

    CapBasis(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<CapBasis> ofKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }
}
