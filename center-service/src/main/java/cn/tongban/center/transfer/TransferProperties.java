package cn.tongban.center.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.transfer}: where transferred money arrives at this center.
 *
 * @param settlementAccount this center's settlement account (资金结算账户) at its bank, which the old center pays into
 * @param settlementAccountName its holder's name, as the bank checks it
 */
@Validated
@ConfigurationProperties("tongban.transfer")
public record TransferProperties(@NotBlank @Pattern(regexp = "\\d{10,32}") String settlementAccount,
                                 @NotBlank String settlementAccountName) {
}
