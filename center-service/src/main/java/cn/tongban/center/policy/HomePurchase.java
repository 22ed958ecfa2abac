package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The home a purchase withdrawal is for (购房信息), as the contract and the registry show it.
 *
 * @param homeId identifies the home across applications, e.g. the property certificate number (不动产权证号) or the
 *        contract's filing number (网签备案号)
 * @param inCenterCity whether the home lies in the city the center serves (本地 / 异地)
 * @param contractSignedOn the day the purchase contract was signed (购房合同签订日期)
 * @param registeredOn the day the home was registered to the buyer (不动产登记日期); null while not yet registered
 * @param price the price (购房总价), positive
 * @param loanAmount all loans for it, commercial and fund (贷款金额), at most the price
 */
public record HomePurchase(String homeId, HomeKind kind, boolean inCenterCity, LocalDate contractSignedOn,
                           LocalDate registeredOn, Money price, Money loanAmount) {

    public HomePurchase {
        if (homeId == null || homeId.isBlank()) {
            throw new IllegalArgumentException("a home is identified");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contractSignedOn, "contractSignedOn");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(loanAmount, "loanAmount");
        if (price.fen() <= 0) {
            throw new IllegalArgumentException("a home has a positive price: " + price);
        }
        if (loanAmount.isNegative() || loanAmount.compareTo(price) > 0) {
            throw new IllegalArgumentException("the loans lie between zero and the price: " + loanAmount);
        }
        if (registeredOn != null && registeredOn.isBefore(contractSignedOn)) {
            throw new IllegalArgumentException("a home is registered after the contract is signed");
        }
    }

    public Optional<LocalDate> registration() {
        return Optional.ofNullable(registeredOn);
    }

    /** 自付部分: the price less the loans. */
    public Money selfPaidPart() {
        return price.minus(loanAmount);
    }
}
