package cn.tongban.contracts.proxy;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.time.LocalDate;

/**
 * The data of a certificate that a provident-fund home loan is fully repaid (住房公积金个人住房贷款全部还清证明,
 * item 07), issued by the center that lent.
 *
 * @param contractNumber the loan contract (借款合同编号)
 * @param repaidOn the day the loan was paid off (结清日期)
 */
public record LoanRepaidCertificate(
        String certificateNumber,
        CenterCode issuingCenter,
        String issuingCenterName,
        String name,
        IdentityNumber identityNumber,
        String contractNumber,
        Money principal,
        LocalDate grantedOn,
        int termMonths,
        LocalDate repaidOn,
        String requestedFor,
        LocalDate issuedOn,
        String handler,
        String handlerPhone,
        String declaration) {

    /** The sentence the certificate prints above the seal. */
    public static final String DECLARATION = "经核实，该职工在我中心的住房公积金个人住房贷款已全部还清";
}
