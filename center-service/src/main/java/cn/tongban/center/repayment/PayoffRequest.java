package cn.tongban.center.repayment;

import cn.tongban.contracts.Money;

/**
 * A request to repay a loan in full (提前还清申请).
 *
 * @param debitAccount the borrower's card the payoff is debited from (扣款账号), 10 to 32 digits
 * @param amount the payoff the caller was quoted today, in yuan ({@code "10015.00"}); refused if it is no longer today's
 */
public record PayoffRequest(String debitAccount, Money amount) {
}
