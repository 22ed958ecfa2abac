package cn.tongban.center.account;

import cn.tongban.center.loan.LoanContract;
import cn.tongban.center.loan.RepaymentSchedule;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * A personal account as the information query (缴存贷款信息查询, item 01) shows it: state, base, rates,
 * balance, the latest months of contributions and the loans. The identity number is shown whole only to
 * the person themself.
 */
public record AccountView(String accountNumber, String name, String identityNumber, String employerAccountNumber,
                          String employerName, LocalDate openedOn, String stateCode, String state,
                          Money contributionBase, BigDecimal unitRate, BigDecimal personalRate, Money monthlyAmount,
                          Money balance, YearMonth paidUpTo, List<ContributionMonth> contributions,
                          List<LoanView> loans) {

    /** @param months how many of the latest contribution months to include */
    public static AccountView of(PersonalAccount account, boolean own, int months) {
        List<ContributionMonth> latest = account.contributions().stream()
                .sorted(Comparator.comparing(ContributionMonth::month).reversed())
                .limit(months)
                .toList();
        return new AccountView(account.accountNumber(), account.name(),
                own ? account.identityNumber().value() : account.identityNumber().masked(),
                account.employerAccountNumber(), account.employerName(), account.openedOn(), account.state().code(),
                account.state().chinese(), account.contributionBase(), account.unitRate(), account.personalRate(),
                account.monthlyAmount(), account.balance(), account.paidUpTo().orElse(null), latest,
                account.loans().stream().map(LoanView::of).toList());
    }

    /** A provident-fund loan of the account holder; its schedule is at its own address. */
    public record LoanView(String contractNumber, Money principal, LocalDate grantedOn, int termMonths,
                           BigDecimal annualRatePercent, String method, Money outstandingPrincipal,
                           LocalDate repaidOn, boolean repaid) {

        static LoanView of(LoanRecord loan) {
            return new LoanView(loan.contractNumber(), loan.principal(), loan.grantedOn(), loan.termMonths(),
                    loan.annualRate() == null ? null : loan.annualRate().percent(),
                    loan.method() == null ? null : loan.method().name(), loan.outstandingPrincipal(), loan.repaidOn(),
                    loan.isRepaid());
        }
    }

    /** The repayment schedule (还款计划) of a loan whose contract terms are recorded, or null. */
    static RepaymentSchedule scheduleOf(LoanRecord loan) {
        if (loan.annualRate() == null || loan.method() == null) {
            return null;
        }
        return RepaymentSchedule.of(new LoanContract(loan.contractNumber(), loan.principal(), loan.annualRate(),
                loan.termMonths(), loan.grantedOn(), loan.method()));
    }
}
