package cn.tongban.center.dataquality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An employer's unit account (单位账户) read from a legacy export. Not an {@link cn.tongban.center.account.Employer}:
 * its credit code may fail the check character and still be legal (early pilot areas), which {@code CreditCode}
 * does not admit; such a code comes with a {@link IssueCode#CREDIT_CODE_CHECK_FAILED} review flag.
 *
 * @param line the line of the import file it came from
 * @param creditCode the unified social credit code (统一社会信用代码), upper case, shaped like one
 * @param bankAccount the employer's bank account (银行账号), or {@code null} when the export has none
 */
public record ImportedEmployer(int line, String accountNumber, String creditCode, String name, BigDecimal unitRate,
                               BigDecimal personalRate, String bankAccount, List<Finding> reviewFlags) {

    public ImportedEmployer {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitRate, "unitRate");
        Objects.requireNonNull(personalRate, "personalRate");
        reviewFlags = List.copyOf(reviewFlags);
        if (reviewFlags.stream().anyMatch(f -> f.code().refusesRow())) {
            throw new IllegalArgumentException("an imported employer carries warnings only: " + reviewFlags);
        }
    }
}
