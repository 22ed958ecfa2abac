package cn.tongban.center.policy;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.LoanRateTable;
import cn.tongban.center.loan.LoanRates;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Test data: a center policy with one version in force from 2024-07-01, every rule set to a plain default that
 * the rule under test then changes: rates 5–12% each side, base 2,000.00–30,000.00, deposit rate 1.50%;
 * retirement without sealing, loan to be repaid; purchase by self or spouse, within 12 months, once per home, cap
 * 100% of the price, 3 months of contribution, no holding rule; loans after 6 months, 30 years, up to 1,000,000.00,
 * a second one only after the first is repaid; the national loan rates.
 */
final class PolicyBuilder {

    static final LocalDate IN_FORCE_FROM = LocalDate.of(2024, 7, 1);

    private String unitMin = "5";
    private String unitMax = "12";
    private String personalMin = "5";
    private String personalMax = "12";
    private String baseFloor = "2000.00";
    private String baseCap = "30000.00";
    private boolean accountMustBeSealed;
    private boolean outstandingLoanMustBeRepaid = true;
    private Set<Buyer> buyers = EnumSet.of(Buyer.SELF, Buyer.SPOUSE);
    private int windowMonths = 12;
    private boolean oncePerHome = true;
    private int monthsBetween;
    private AmountCap cap = new AmountCap(CapBasis.PRICE, BigDecimal.valueOf(100));
    private int purchaseContinuousMonths = 3;
    private int holdingMonths;
    private int loanContinuousMonths = 6;
    private int maxTermYears = 30;
    private String maxAmount = "1000000.00";
    private boolean secondLoanOnlyAfterFirstRepaid = true;

    static PolicyBuilder aPolicy() {
        return new PolicyBuilder();
    }

    static final LoanRateTable NATIONAL_LOAN_RATES = new LoanRateTable(List.of(
            rates("2015-08-26", "2.75", "3.25", "3.025", "3.575"),
            rates("2024-05-18", "2.35", "2.85", "2.775", "3.325"),
            rates("2025-05-08", "2.1", "2.6", "2.525", "3.075")));

    private static LoanRates rates(String from, String first5, String firstLong, String second5, String secondLong) {
        return new LoanRates(LocalDate.parse(from), AnnualRate.percent(first5), AnnualRate.percent(firstLong),
                AnnualRate.percent(second5), AnnualRate.percent(secondLong));
    }

    PolicyBuilder unitRates(String min, String max) {
        unitMin = min;
        unitMax = max;
        return this;
    }

    PolicyBuilder personalRates(String min, String max) {
        personalMin = min;
        personalMax = max;
        return this;
    }

    PolicyBuilder base(String floor, String cap) {
        baseFloor = floor;
        baseCap = cap;
        return this;
    }

    PolicyBuilder retirementRequiresASealedAccount(boolean value) {
        accountMustBeSealed = value;
        return this;
    }

    PolicyBuilder retirementRequiresLoanRepaid(boolean value) {
        outstandingLoanMustBeRepaid = value;
        return this;
    }

    PolicyBuilder buyers(Buyer... buyers) {
        this.buyers = EnumSet.of(Buyer.SELF, buyers);
        return this;
    }

    PolicyBuilder windowMonths(int months) {
        windowMonths = months;
        return this;
    }

    PolicyBuilder oncePerHome(boolean value) {
        oncePerHome = value;
        return this;
    }

    PolicyBuilder monthsBetweenWithdrawals(int months) {
        monthsBetween = months;
        return this;
    }

    PolicyBuilder cap(CapBasis basis, int sharePercent) {
        cap = new AmountCap(basis, BigDecimal.valueOf(sharePercent));
        return this;
    }

    PolicyBuilder purchaseNeedsContinuousMonths(int months) {
        purchaseContinuousMonths = months;
        return this;
    }

    PolicyBuilder secondHandElsewhereHeldMonths(int months) {
        holdingMonths = months;
        return this;
    }

    PolicyBuilder loanNeedsContinuousMonths(int months) {
        loanContinuousMonths = months;
        return this;
    }

    PolicyBuilder loanUpTo(String yuan, int years) {
        maxAmount = yuan;
        maxTermYears = years;
        return this;
    }

    PolicyBuilder secondLoanOnlyAfterFirstRepaid(boolean value) {
        secondLoanOnlyAfterFirstRepaid = value;
        return this;
    }

    PolicyVersion version(LocalDate from) {
        return new PolicyVersion(from,
                new ContributionRules(new RateRange(new BigDecimal(unitMin), new BigDecimal(unitMax)),
                        new RateRange(new BigDecimal(personalMin), new BigDecimal(personalMax)),
                        Money.parse(baseFloor), Money.parse(baseCap)),
                AnnualRate.percent("1.50"),
                new RetirementWithdrawalRules(accountMustBeSealed, outstandingLoanMustBeRepaid),
                new PurchaseWithdrawalRules(buyers, windowMonths, oncePerHome, monthsBetween, cap, purchaseContinuousMonths,
                        holdingMonths),
                new LoanRules(loanContinuousMonths, maxTermYears, Money.parse(maxAmount), secondLoanOnlyAfterFirstRepaid));
    }

    CenterPolicy build() {
        return new CenterPolicy(CenterCode.of("330100"), "测试住房公积金管理中心", List.of(version(IN_FORCE_FROM)), NATIONAL_LOAN_RATES);
    }
}
