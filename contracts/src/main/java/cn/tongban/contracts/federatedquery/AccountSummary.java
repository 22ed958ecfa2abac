package cn.tongban.contracts.federatedquery;

import cn.tongban.contracts.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What a holding center tells the asker about one account of the person (账户概况): no account number, no
 * employer, no history, only what the person needs to know where their money is.
 *
 * @param accountState the account state code of JGJ/T 320 (个人账户状态: 01 正常, 02 封存, 06 冻结 …)
 * @param accountStateName its name, as the center shows it
 * @param paidUpTo the last month contributed (缴至年月), null if none
 * @param loanOutstanding whether a provident-fund loan at that center is not yet repaid
 */
public record AccountSummary(String accountState, String accountStateName, Money balance, YearMonth paidUpTo,
                             boolean loanOutstanding) {

    public AccountSummary {
        Objects.requireNonNull(accountState, "accountState");
        Objects.requireNonNull(balance, "balance");
    }
}
