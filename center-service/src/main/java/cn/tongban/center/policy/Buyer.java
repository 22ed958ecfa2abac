package cn.tongban.center.policy;

import java.util.Arrays;
import java.util.Optional;

/** Who bought the home, seen from the employee who withdraws (购房人与提取人的关系). */
public enum Buyer {
    /** 本人. */
    SELF("self", "本人"),
    /** 配偶. */
    SPOUSE("spouse", "配偶"),
    /** 父母. */
    PARENT("parent", "父母"),
    /** 子女. */
    CHILD("child", "子女");

    private final String key;
    private final String chinese;

    Buyer(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    /** The word used in the policy files. */
    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<Buyer> ofKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }
}
