package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The real-estate registry's answer about a purchase (不动产登记购房核验). */
public sealed interface PurchaseVerification {

    default boolean isVerified() {
        return this instanceof Verified;
    }

    /**
     * The registry holds the purchase, and the person asked about is a buyer.
     *
     * @param registrationNumber the registry's number of the registration (登记号 / 不动产权证号), the home's id
     * @param transactionType e.g. {@code NEW_COMMERCIAL_HOUSING} (新建商品房), {@code SECOND_HAND} (存量房)
     * @param registeredOn the day the home was registered to the buyers; null while only the contract is filed
     * @param totalPrice the price in the contract (购房总价)
     * @param floorArea square metres; null when not given
     */
    record Verified(String contractNumber, String registrationNumber, String transactionType, LocalDate contractSignedOn,
                    LocalDate registeredOn, Money totalPrice, BigDecimal floorArea, List<RegisteredBuyer> buyers)
            implements PurchaseVerification {

        public Verified {
            Objects.requireNonNull(contractNumber, "contractNumber");
            Objects.requireNonNull(registrationNumber, "registrationNumber");
            Objects.requireNonNull(contractSignedOn, "contractSignedOn");
            Objects.requireNonNull(totalPrice, "totalPrice");
            buyers = List.copyOf(buyers);
        }

        public Optional<LocalDate> registration() {
            return Optional.ofNullable(registeredOn);
        }
    }

    /**
     * The registry does not confirm the purchase.
     *
     * @param reasonCode the registry's code, e.g. {@code NO_REGISTRATION_RECORD}, {@code BUYER_MISMATCH}
     * @param reason in Chinese, for the clerk
     */
    record NotVerified(String reasonCode, String reason) implements PurchaseVerification {

        public NotVerified {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(reason, "reason");
        }

        static NotVerified of(String reasonCode) {
            return new NotVerified(reasonCode, switch (reasonCode) {
                case "NO_REGISTRATION_RECORD" -> "不动产登记中没有该合同的登记备案记录";
                case "BUYER_MISMATCH" -> "申请人不是该合同的买受人";
                default -> "不动产登记未能核实该购房（" + reasonCode + "）";
            });
        }
    }

    /**
     * One buyer on the contract.
     *
     * @param share the buyer's share as the registry writes it, e.g. {@code 100%}, {@code 共同共有}; null when not given
     */
    record RegisteredBuyer(String identityNumber, String name, String share) {
    }
}
