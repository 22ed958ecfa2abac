package cn.tongban.center.crosscenter;

/** Which side of a cross-center case this center is on. */
public enum CaseSide {
    /** This center received the application and asked another (受理地/代收方). */
    REQUESTING,
    /** This center holds the account and handles the request (办理地/代办方). */
    HANDLING
}
