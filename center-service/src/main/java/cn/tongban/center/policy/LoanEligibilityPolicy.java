package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an employee may take a fund loan (贷款资格), and on what terms, under a center's rules in force on the day
 * of the application.
 *
 * <p>Rejected, in this order: no policy in force ({@value CenterPolicy#NO_POLICY_IN_FORCE}); an account that is not
 * contributing now ({@value #ACCOUNT_NOT_CONTRIBUTING}: only a 正常 account borrows); too few months of continuous
 * contribution ({@value #CONTRIBUTION_TOO_SHORT}); an earlier fund loan not yet repaid where the center lends only
 * after it ({@value #PREVIOUS_LOAN_NOT_REPAID}); no loan rate in force ({@value #NO_RATE_IN_FORCE}).
 *
 * <p>Otherwise approved with an offer: the amount and term applied for, each cut down to the center's maximum, at
 * the rate for that term on the day of the application. Limits tied to the borrower's income, age or balance are
 * for the loan review that follows, not for this eligibility check.
 */
public final class LoanEligibilityPolicy {

    public static final String ACCOUNT_NOT_CONTRIBUTING = "ACCOUNT_NOT_CONTRIBUTING";
    public static final String CONTRIBUTION_TOO_SHORT = "CONTRIBUTION_TOO_SHORT";
    public static final String PREVIOUS_LOAN_NOT_REPAID = "PREVIOUS_LOAN_NOT_REPAID";
    public static final String NO_RATE_IN_FORCE = "NO_RATE_IN_FORCE";

    private final CenterPolicy policy;

    public LoanEligibilityPolicy(CenterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Decision<LoanOffer> decide(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        LocalDate day = application.appliedOn();
        Optional<PolicyVersion> version = policy.versionOn(day);
        if (version.isEmpty()) {
            return policy.noPolicyInForce(day);
        }
        LoanRules rules = version.get().loan();
        if (application.accountState() != AccountState.NORMAL) {
            return Decision.rejected(ACCOUNT_NOT_CONTRIBUTING, "申请住房公积金贷款须正常缴存，您的账户状态为"
                    + application.accountState().chinese());
        }
        if (application.continuousContributionMonths() < rules.minContinuousContributionMonths()) {
            return Decision.rejected(CONTRIBUTION_TOO_SHORT, "申请贷款须连续缴存满 " + rules.minContinuousContributionMonths()
                    + " 个月，目前连续缴存 " + application.continuousContributionMonths() + " 个月");
        }
        if (rules.secondLoanOnlyAfterFirstRepaid() && application.outstandingFundLoans() > 0) {
            return Decision.rejected(PREVIOUS_LOAN_NOT_REPAID, "您有尚未结清的住房公积金贷款，结清后方可再次申请");
        }
        int term = Math.min(application.requestedTermMonths(), rules.maxTermYears() * 12);
        Money amount = application.requestedAmount().compareTo(rules.maxAmount()) <= 0
                ? application.requestedAmount() : rules.maxAmount();
        Optional<AnnualRate> rate = policy.loanRates().rateForNewLoan(day, term, application.homeOrder());
        if (rate.isEmpty()) {
            return Decision.rejected(NO_RATE_IN_FORCE, day + " 没有适用的住房公积金贷款利率");
        }
        return Decision.approved(new LoanOffer(amount, term, rate.get()));
    }
}
