package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The data of a contribution-and-use certificate for a loan applicant (贷款职工住房公积金缴存使用证明),
 * field by field as the national template. Rates are percentages ({@code 12.00} is 12%).
 *
 * @param continuousFrom first month of the current run of unbroken contributions (连续缴存起始年月)
 * @param continuousTo last month paid in that run (缴至年月)
 * @param validUntil the certificate is valid for two months from issue
 */
public record ContributionUseCertificate(
        String certificateNumber,
        CenterCode issuingCenter,
        String issuingCenterName,
        String name,
        IdentityNumber identityNumber,
        String employerName,
        String accountNumber,
        LocalDate openedOn,
        CertificateAccountState accountState,
        Money contributionBase,
        BigDecimal unitRate,
        BigDecimal personalRate,
        Money monthlyAmount,
        Money balance,
        String balanceInWords,
        YearMonth continuousFrom,
        YearMonth continuousTo,
        LoanHistory loanHistory,
        String lendingCity,
        LocalDate issuedOn,
        LocalDate validUntil,
        String handler,
        String handlerPhone,
        String declaration) {

    /** The sentence the template prints above the seal. */
    public static final String DECLARATION = "我中心保证以上信息真实准确";
}
