package cn.tongban.center.registration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The record of an enterprise registered through the market-regulation enterprise start-up platform (企业开办"一表填报"),
 * carrying the housing-fund fields of the one form: mapped to the same registration, without a second data entry.
 *
 * @param registeredAddress 住所, taken as the unit's address
 * @param establishedOn 成立日期
 * @param fundContactName 公积金经办人
 * @param fundContactPhone 公积金经办人电话
 * @param fundUnitRate 单位缴存比例 (percent)
 * @param fundPersonalRate 个人缴存比例 (percent)
 * @param fundBankAccount 缴存银行账号
 */
public record OneFormRecord(
        @NotBlank @Size(min = 18, max = 18) @Pattern(regexp = "[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}") String creditCode,
        @NotBlank @Size(max = 100) String enterpriseName,
        @NotBlank @Size(max = 50) String legalRepresentative,
        @NotBlank @Size(max = 200) String registeredAddress,
        @NotNull LocalDate establishedOn,
        @NotBlank @Size(max = 50) String fundContactName,
        @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}") String fundContactPhone,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal fundUnitRate,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal fundPersonalRate,
        @NotBlank @Pattern(regexp = "[0-9]{8,32}") String fundBankAccount) {

    /** The same registration as if filled in online. */
    EmployerApplication toApplication() {
        return new EmployerApplication(creditCode, enterpriseName, legalRepresentative, registeredAddress,
                new EmployerApplication.Contact(fundContactName, fundContactPhone), fundUnitRate, fundPersonalRate,
                fundBankAccount);
    }

    /** A stable digest of everything the record says: the same record twice has the same fingerprint. */
    String fingerprint() {
        String text = String.join("\u001f", creditCode.trim().toUpperCase(), enterpriseName.trim(),
                legalRepresentative.trim(), registeredAddress.trim(), establishedOn.toString(), fundContactName.trim(),
                fundContactPhone.trim(), fundUnitRate.stripTrailingZeros().toPlainString(),
                fundPersonalRate.stripTrailingZeros().toPlainString(), fundBankAccount.trim());
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
