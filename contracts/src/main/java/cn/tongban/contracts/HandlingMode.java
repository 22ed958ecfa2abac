package cn.tongban.contracts;

/** How a service item is handled across provinces (办理模式). */
public enum HandlingMode {
    /** Fully online at the home center (全程网办). */
    FULLY_ONLINE,
    /** Received at one center's counter, handled by the home center (代收代办). */
    PROXY,
    /** Two-place joint handling (两地联办). */
    JOINT
}
