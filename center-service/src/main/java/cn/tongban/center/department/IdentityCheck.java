package cn.tongban.center.department;

import cn.tongban.contracts.IdentityNumber;
import java.util.Objects;

/**
 * The population register's answer to "is this the name of this identity number" (公安身份核验结果).
 *
 * @param requestId the register's id of the check, for the case file; null when it gave none
 */
public record IdentityCheck(IdentityNumber identityNumber, Result result, String requestId) {

    /** What the register said. */
    public enum Result {
        /** 一致: the name belongs to the identity number. */
        MATCH("身份信息一致"),
        /** 姓名不符: the identity number exists under another name. */
        NAME_MISMATCH("姓名与身份号码不符"),
        /** 查无此人: the identity number is not in the register. */
        NOT_IN_REGISTER("人口库中没有该身份号码"),
        /** 不一致, for a reason the register did not name. */
        NO_MATCH("身份核验未通过");

        private final String chinese;

        Result(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public IdentityCheck {
        Objects.requireNonNull(identityNumber, "identityNumber");
        Objects.requireNonNull(result, "result");
    }

    public boolean matches() {
        return result == Result.MATCH;
    }
}
