package cn.tongban.center.registration;

/** How an application reached the center. */
public enum Channel {
    /** Filled in online by the unit's agent or at the counter by a clerk. */
    ONLINE,
    /** Taken over from the market-regulation enterprise start-up platform (一表填报), without a second data entry. */
    ONE_FORM
}
