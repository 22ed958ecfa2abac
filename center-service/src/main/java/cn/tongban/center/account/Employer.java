package cn.tongban.center.account;

import cn.tongban.contracts.CreditCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An employer's unit account (单位账户).
 *
 * @param accountNumber unit account number (单位账号, DWZH)
 * @param unitRate the employer's contribution rate in percent (单位缴存比例)
 * @param personalRate the employees' contribution rate in percent (个人缴存比例)
 */
public record Employer(String accountNumber, CreditCode creditCode, String name, BigDecimal unitRate,
                       BigDecimal personalRate, String bankAccount) {

    public Employer {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitRate, "unitRate");
        Objects.requireNonNull(personalRate, "personalRate");
    }
}
