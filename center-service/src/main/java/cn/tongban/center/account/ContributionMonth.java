package cn.tongban.center.account;

import cn.tongban.contracts.Money;
import java.time.YearMonth;

/**
 * One month's contribution paid into a personal account (汇缴 or 补缴).
 *
 * @param month the month the contribution is for (缴存年月)
 * @param amount employer and personal parts together
 * @param backPayment true for a back payment (补缴), false for the regular monthly remittance (汇缴)
 */
public record ContributionMonth(YearMonth month, Money amount, boolean backPayment) {
}
