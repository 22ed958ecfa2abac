package cn.tongban.center.registration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * An application to register an employer and open its unit account (单位登记开户). No scanned business licence: the
 * center asks the market-regulation register for the electronic one.
 *
 * @param creditCode unified social credit code (统一社会信用代码); one that fails its check characters is accepted if the
 *        register holds it, and the account is then flagged for manual review
 * @param unitRate the employer's contribution rate in percent, within the center's range
 * @param personalRate the employees' contribution rate in percent, within the center's range
 */
public record EmployerApplication(
        @NotBlank @Size(min = 18, max = 18) @Pattern(regexp = "[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}") String creditCode,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String legalRepresentative,
        @NotBlank @Size(max = 200) String address,
        @NotNull Contact contact,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal unitRate,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal personalRate,
        @NotBlank @Pattern(regexp = "[0-9]{8,32}") String bankAccount) {

    /** The unit's contact person (单位经办人/联系人). */
    public record Contact(@NotBlank @Size(max = 50) String name, @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {
    }
}
