package cn.tongban.center.registration;

/** Where an employer registration case (单位登记开户申请) stands: SUBMITTED → LICENCE_VERIFIED → OPENED, or REJECTED. */
public enum RegistrationState {
    /** Received; the rates and the electronic business licence are still to be checked. */
    SUBMITTED,
    /** The market-regulation register confirmed an active enterprise of that name with a valid electronic licence. */
    LICENCE_VERIFIED,
    /** The unit account is open (单位账户已开立). */
    OPENED,
    /** Refused, with a reason code and a reason. */
    REJECTED
}
