package cn.tongban.center.account;

import cn.tongban.contracts.Money;
import java.time.LocalDate;

/**
 * A provident-fund home loan of the account holder, as far as certificates need it. The full loan
 * (schedule, repayments) belongs to the loan capability.
 *
 * @param contractNumber loan contract number (借款合同编号, JKHTBH)
 * @param repaidOn the day it was paid off (结清日期), null while outstanding
 */
public record LoanRecord(String contractNumber, Money principal, LocalDate grantedOn, int termMonths,
                         Money outstandingPrincipal, LocalDate repaidOn) {

    public boolean isRepaid() {
        return repaidOn != null;
    }
}
