package cn.tongban.center.department;

import cn.tongban.contracts.IdentityNumber;
import java.util.Objects;

/**
 * What the real-estate registry is asked about a purchase: this buyer, this contract.
 *
 * @param contractNumber the purchase contract's filing number (网签合同备案号), 6 to 40 of A-Z, a-z, 0-9 and -
 */
public record PurchaseQuery(IdentityNumber buyerIdentityNumber, String buyerName, String contractNumber) {

    public PurchaseQuery {
        Objects.requireNonNull(buyerIdentityNumber, "buyerIdentityNumber");
        if (buyerName == null || buyerName.isBlank()) {
            throw new IllegalArgumentException("the buyer's name is required");
        }
        if (contractNumber == null || !contractNumber.matches("[A-Za-z0-9-]{6,40}")) {
            throw new IllegalArgumentException("a contract number is 6 to 40 of A-Z, a-z, 0-9 and -");
        }
        buyerName = buyerName.strip();
    }
}
