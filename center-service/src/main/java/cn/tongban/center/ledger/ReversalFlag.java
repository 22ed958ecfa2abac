package cn.tongban.center.ledger;

import java.util.Arrays;

/** Reversal flag (冲账标志, CZBZ) of the national data standard JGJ/T 320. */
public enum ReversalFlag {
    /** 01 非冲账: an ordinary entry. */
    ORIGINAL("01", "非冲账"),
    /** 02 冲账: an entry that cancels an earlier one, which it names. */
    REVERSAL("02", "冲账");

    private final String code;
    private final String chinese;

    ReversalFlag(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static ReversalFlag ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reversal flag has the code " + code));
    }
}
