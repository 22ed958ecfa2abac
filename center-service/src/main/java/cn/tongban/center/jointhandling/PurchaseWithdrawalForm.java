package cn.tongban.center.jointhandling;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.policy.Buyer;
import cn.tongban.center.policy.HomeKind;
import cn.tongban.center.policy.HomePurchase;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The form of a joint home-purchase withdrawal (两地联办购房提取) as it travels in the request: the purchase as the
 * purchase place's real-estate registry verified it, who bought it, how much is asked and where to pay it. Only what
 * the contribution center needs to decide and pay.
 *
 * @param registrationNumber the registry's number of the registration (登记号), the home's id
 * @param contractNumber the purchase contract's filing number (网签合同备案号)
 * @param registeredOn null while only the contract is filed
 * @param loanAmount all loans for the home (贷款金额), zero when none
 * @param buyer who bought it, seen from the applicant
 * @param amount the amount applied for (申请提取金额)
 * @param bankAccount the applicant's bank card (收款账号)
 */
public record PurchaseWithdrawalForm(String contractNumber, String registrationNumber, HomeKind homeKind,
                                     LocalDate contractSignedOn, LocalDate registeredOn, Money price, Money loanAmount,
                                     Buyer buyer, Money amount, BankAccountNumber bankAccount) {

    public PurchaseWithdrawalForm {
        Objects.requireNonNull(contractNumber, "contractNumber");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(homeKind, "homeKind");
        Objects.requireNonNull(contractSignedOn, "contractSignedOn");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(loanAmount, "loanAmount");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(bankAccount, "bankAccount");
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("the amount applied for is positive: " + amount);
        }
    }

    /** The home, seen from the contribution center: always elsewhere (异地), since it was bought at the other center. */
    public HomePurchase home() {
        return new HomePurchase(registrationNumber, homeKind, false, contractSignedOn, registeredOn, price, loanAmount);
    }

    public Map<String, String> toForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("contractNumber", contractNumber);
        form.put("registrationNumber", registrationNumber);
        form.put("homeKind", homeKind.name());
        form.put("contractSignedOn", contractSignedOn.toString());
        if (registeredOn != null) {
            form.put("registeredOn", registeredOn.toString());
        }
        form.put("price", price.toString());
        form.put("loanAmount", loanAmount.toString());
        form.put("buyer", buyer.key());
        form.put("amount", amount.toString());
        form.put("bankAccount", bankAccount.value());
        return form;
    }

    /**
     * Reads the form of a request.
     *
     * @throws IllegalArgumentException naming the first field missing or unreadable
     */
    public static PurchaseWithdrawalForm of(Map<String, String> form) {
        return new PurchaseWithdrawalForm(required(form, "contractNumber"), required(form, "registrationNumber"),
                read(form, "homeKind", HomeKind::valueOf), read(form, "contractSignedOn", LocalDate::parse),
                form.containsKey("registeredOn") ? read(form, "registeredOn", LocalDate::parse) : null,
                read(form, "price", Money::parse),
                form.containsKey("loanAmount") ? read(form, "loanAmount", Money::parse) : Money.ZERO,
                read(form, "buyer", key -> Buyer.ofKey(key).orElseThrow(() -> new IllegalArgumentException(key))),
                read(form, "amount", Money::parse), read(form, "bankAccount", BankAccountNumber::of));
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the form has no " + field);
        }
        return value.strip();
    }

    private static <T> T read(Map<String, String> form, String field, java.util.function.Function<String, T> parser) {
        String value = required(form, field);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("the form's " + field + " is not valid: " + value, e);
        }
    }
}
