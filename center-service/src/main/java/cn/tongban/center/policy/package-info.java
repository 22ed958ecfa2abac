/**
 * A center's local policy (地方住房公积金政策) as configuration and the rules as objects: {@link
 * cn.tongban.center.policy.CenterPolicy} versioned by effective date, read from {@code policy/<center code>.yml} by
 * {@link cn.tongban.center.policy.PolicyLoader}; {@link cn.tongban.center.policy.PurchaseWithdrawalPolicy},
 * {@link cn.tongban.center.policy.RetirementWithdrawalPolicy}, {@link cn.tongban.center.policy.LoanEligibilityPolicy}
 * and {@link cn.tongban.center.policy.ContributionChangePolicy}, each answering with a {@link
 * cn.tongban.center.policy.Decision} (approved, or rejected with a reason code and a text). The same code decides for
 * every center; only the configuration differs. Plain Java; SnakeYAML is the one library.
 */
package cn.tongban.center.policy;
