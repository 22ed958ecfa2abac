package cn.tongban.kit.security;

/** Who may do what (DESIGN §5). Tokens carry them in the {@code roles} claim. */
public enum Role {
    /** A contributing employee (缴存职工): sees only their own records. */
    EMPLOYEE,
    /** An employer's agent (单位经办人): sees only their own unit. */
    EMPLOYER_AGENT,
    /** A counter clerk of a fund center (柜员). */
    COUNTER_CLERK,
    /** A reviewer of a fund center (审核员). */
    REVIEWER,
    /** A fund center's administrator. */
    CENTER_ADMIN,
    /** An operator of the national platform. */
    PLATFORM_OPERATOR,
    /**
     * A fund center's own service calling the platform (中心系统接入): machine to machine, no person behind it.
     * Its token names the center in the {@value Caller#CENTER_CLAIM} claim.
     */
    CENTER_SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}
