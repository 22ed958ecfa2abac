package cn.tongban.center.department;

import cn.tongban.contracts.CreditCode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise as the market-regulation register shows it, with its electronic business licence (电子营业执照).
 *
 * @param creditCode the unified social credit code as registered; it may fail its check characters (codes of some
 *        early pilot areas do and are legal), see {@link #creditCodeProblem()}
 * @param establishedOn 成立日期; null when the register gives none
 * @param licenceId the electronic licence's id; null when none was issued
 * @param licenceValid whether the electronic licence's signature and validity check passed at the register
 */
public record BusinessLicence(String creditCode, String enterpriseName, String enterpriseType,
                              String legalRepresentative, LocalDate establishedOn, Status status, String licenceId,
                              boolean licenceValid) {

    /** The enterprise's registration state (登记状态). */
    public enum Status {
        /** 存续 (在营、开业). */
        ACTIVE("存续"),
        /** 吊销: the licence was revoked as a sanction. */
        REVOKED("吊销"),
        /** 注销: the enterprise was deregistered. */
        CANCELLED("注销"),
        /** 迁出: moved to another registration authority. */
        MOVED_OUT("迁出"),
        /** Any state the register names otherwise. */
        OTHER("其他");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        static Status of(String name) {
            return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(OTHER);
        }
    }

    public BusinessLicence {
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(enterpriseName, "enterpriseName");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Why the credit code fails the GB 32100 / GB 11714 checks, when it does: the register holds it, so it is not
     * refused, but a clerk should look at it (人工复核).
     */
    public Optional<String> creditCodeProblem() {
        return CreditCode.problemWith(creditCode);
    }

    /** In business and holding a valid electronic licence: an employer the center can open or change an account for. */
    public boolean isInGoodStanding() {
        return status == Status.ACTIVE && licenceValid;
    }
}
