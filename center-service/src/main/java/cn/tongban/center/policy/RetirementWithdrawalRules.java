package cn.tongban.center.policy;

/**
 * A center's rules for withdrawal on retirement (离休退休提取), beyond the national ones (retirement confirmed,
 * everything paid out, account closed).
 *
 * @param accountMustBeSealed the employer must have sealed the account (封存) first; a 正常 account is refused
 * @param outstandingLoanMustBeRepaid a fund loan still outstanding must be repaid first
 */
public record RetirementWithdrawalRules(boolean accountMustBeSealed, boolean outstandingLoanMustBeRepaid) {
}
