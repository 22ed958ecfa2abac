package cn.tongban.center.policy;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * What the center may lend (可贷额度与期限): the application cut down to the center's limits, at the rate in force
 * on the day of the application for the term offered.
 */
public record LoanOffer(Money amount, int termMonths, AnnualRate rate) {

    public LoanOffer {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rate, "rate");
    }
}
