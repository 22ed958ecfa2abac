package cn.tongban.center.account;

import java.util.Arrays;

/** Personal account state (个人账户状态, GRZHZT) with the codes of the national data standard JGJ/T 320. */
public enum AccountState {
    /** 01 正常. */
    NORMAL("01", "正常"),
    /** 02 封存: the person left the employer; the money stays, contributions stop. */
    SEALED("02", "封存"),
    /** 03 合并销户. */
    MERGED_CLOSED("03", "合并销户"),
    /** 04 外部转出销户: transferred to another center. */
    TRANSFERRED_OUT("04", "外部转出销户"),
    /** 05 提取销户: closed by a full withdrawal (e.g. retirement). */
    WITHDRAWN_CLOSED("05", "提取销户"),
    /** 06 冻结. */
    FROZEN("06", "冻结"),
    /** 99 其他. */
    OTHER("99", "其他");

    private final String code;
    private final String chinese;

    AccountState(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** Closed accounts (销户) hold no money and serve no business any more. */
    public boolean isClosed() {
        return this == MERGED_CLOSED || this == TRANSFERRED_OUT || this == WITHDRAWN_CLOSED;
    }

    public static AccountState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account state has the code " + code));
    }
}
