package cn.tongban.center.transfer;

import cn.tongban.contracts.casefile.CaseState;

/**
 * The status of a transfer in the codes of the national transfer platform (转移接续业务状态), derived from the case's
 * state: staff and the person see the code they know.
 */
public enum TransferStatus {
    /** Sent, not yet reviewed by the old center (待复核); the national set has no code for it. */
    APPLIED(null, "已申请"),
    /** 01 联系函复核通过: the old center found the account and the letter in order. */
    LETTER_REVIEWED("01", "联系函复核通过"),
    /** 02 联系函确认接收: the old center accepted; the transfer can no longer be cancelled. */
    LETTER_ACCEPTED("02", "联系函确认接收"),
    /** 06 协商中: the case waits on the two centers (materials asked for, an extension negotiated). */
    NEGOTIATING("06", "协商中"),
    /** 08 账户信息复核通过: the transfer-out facts arrived at the new center. */
    ACCOUNT_REVIEWED("08", "账户信息复核通过"),
    /** 00 正常办结: credited at the new center. */
    COMPLETED("00", "正常办结"),
    /** 05 转入撤销办结: cancelled by the new center before acceptance. */
    CANCELLED("05", "转入撤销办结"),
    /** 13 转出审核不通过: refused by the old center, with its reason. */
    REFUSED("13", "转出审核不通过"),
    /** 40 失败办结: the bank refused the transfer of the money; staff of both centers take it up. */
    FAILED("40", "失败办结");

    private final String code;
    private final String chinese;

    TransferStatus(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** The national code, {@code null} for {@link #APPLIED}. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** The status of a case in {@code state}; {@code failed} when the bank refused the money. */
    public static TransferStatus of(CaseState state, boolean failed) {
        if (failed) {
            return FAILED;
        }
        return switch (state) {
            case SUBMITTED -> APPLIED;
            case DELIVERED -> LETTER_REVIEWED;
            case ACCEPTED -> LETTER_ACCEPTED;
            case RESULT_SENT -> ACCOUNT_REVIEWED;
            case COMPLETED -> COMPLETED;
            case WITHDRAWN -> CANCELLED;
            case REJECTED -> REFUSED;
            // the platform's pauses (materials, extensions) are the national negotiation
            default -> NEGOTIATING;
        };
    }
}
