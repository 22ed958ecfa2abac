/**
 * Provident-fund home loans (住房公积金个人住房贷款): the {@link cn.tongban.center.loan.LoanContract contract}, its
 * {@link cn.tongban.center.loan.RepaymentSchedule repayment schedule} (等额本息 / 等额本金), repayments, arrears and early
 * full repayment on the {@link cn.tongban.center.loan.Loan loan} with its {@link cn.tongban.center.loan.LoanState state
 * machine}, and the national {@link cn.tongban.center.loan.LoanRateTable rates over time}. Plain Java; uses the ledger's
 * {@link cn.tongban.center.ledger.AnnualRate} and nothing of the local policies.
 */
package cn.tongban.center.loan;
