package cn.tongban.center.account;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Personal account state (个人账户状态, GRZHZT) with the codes of the national data standard JGJ/T 320.
 *
 * <p>The legal moves ({@link #canMoveTo}), one per business of the account:
 * <ul>
 *   <li>正常 → 封存 (封存, GJHTQYWLX 05) and 封存 → 正常 (启封, 04);</li>
 *   <li>正常 or 封存 → 冻结 (冻结, 14) and back to either (解冻, 15): the enum does not remember which of
 *       the two the account left, so the clerk who unfreezes names it;</li>
 *   <li>正常 or 封存 → 外部转出销户 (外部转出, 07), → 提取销户 (销户提取, 12), → 合并销户 (two accounts of one
 *       person at one center merged into one);</li>
 *   <li>其他 (99, migrated records whose state the old system did not say) → 正常 or 封存, once a clerk has
 *       looked at it; nothing moves into 其他;</li>
 *   <li>the three closed states are terminal: a person who comes back gets a new account.</li>
 * </ul>
 * A frozen account (judicial or fraud freeze) cannot be closed or transferred before it is unfrozen. Staying in
 * the same state is not a move.
 */
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

    private static final Map<AccountState, Set<AccountState>> TRANSITIONS = new EnumMap<>(AccountState.class);

    static {
        TRANSITIONS.put(NORMAL, EnumSet.of(SEALED, FROZEN, TRANSFERRED_OUT, WITHDRAWN_CLOSED, MERGED_CLOSED));
        TRANSITIONS.put(SEALED, EnumSet.of(NORMAL, FROZEN, TRANSFERRED_OUT, WITHDRAWN_CLOSED, MERGED_CLOSED));
        TRANSITIONS.put(FROZEN, EnumSet.of(NORMAL, SEALED));
        TRANSITIONS.put(OTHER, EnumSet.of(NORMAL, SEALED));
        TRANSITIONS.put(MERGED_CLOSED, EnumSet.noneOf(AccountState.class));
        TRANSITIONS.put(TRANSFERRED_OUT, EnumSet.noneOf(AccountState.class));
        TRANSITIONS.put(WITHDRAWN_CLOSED, EnumSet.noneOf(AccountState.class));
    }

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

    /** Whether an account in this state may move to {@code target}; see the table in the class comment. */
    public boolean canMoveTo(AccountState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    /** The states this one may move to, none for a closed account. */
    public Set<AccountState> nextStates() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    public static AccountState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account state has the code " + code));
    }
}
