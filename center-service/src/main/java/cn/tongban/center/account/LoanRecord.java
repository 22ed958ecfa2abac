package cn.tongban.center.account;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.LoanRepayment;
import cn.tongban.center.loan.RepaymentMethod;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A provident-fund home loan of the account holder, as far as certificates need it. The full loan
 * (schedule, repayments) belongs to the loan capability.
 *
 * @param contractNumber loan contract number (借款合同编号, JKHTBH)
 * @param repaidOn the day it was paid off (结清日期), null while outstanding
 * @param annualRate the contract rate at grant, null for legacy records that did not carry it
 * @param method the repayment method (还款方式), null for legacy records that did not carry it
 * @param repayments the loan's ledger as far as this center posts it here (贷款明细): the early full repayment
 *        (提前还款 03) keyed on its bank debit; the regular installments of an older system are not carried over
 */
public record LoanRecord(String contractNumber, Money principal, LocalDate grantedOn, int termMonths,
                         Money outstandingPrincipal, LocalDate repaidOn, AnnualRate annualRate,
                         RepaymentMethod method, List<LoanRepayment> repayments) {

    /** The stored field of a loan that holds its repayments. */
    public static final String REPAYMENTS = "repayments";

    public LoanRecord {
        repayments = repayments == null ? List.of() : List.copyOf(repayments);
    }

    /** A loan with no repayment posted here. */
    public LoanRecord(String contractNumber, Money principal, LocalDate grantedOn, int termMonths,
                      Money outstandingPrincipal, LocalDate repaidOn, AnnualRate annualRate, RepaymentMethod method) {
        this(contractNumber, principal, grantedOn, termMonths, outstandingPrincipal, repaidOn, annualRate, method, null);
    }

    /** A loan as the data of an older system: no rate or method recorded. */
    public static LoanRecord legacy(String contractNumber, Money principal, LocalDate grantedOn, int termMonths,
                                    Money outstandingPrincipal, LocalDate repaidOn) {
        return new LoanRecord(contractNumber, principal, grantedOn, termMonths, outstandingPrincipal, repaidOn, null, null);
    }

    public boolean isRepaid() {
        return repaidOn != null;
    }
}
