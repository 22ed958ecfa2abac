package cn.tongban.center.policy;

import static cn.tongban.center.policy.DecisionAssertions.approvedOutcome;
import static cn.tongban.center.policy.DecisionAssertions.reasonCode;
import static cn.tongban.center.policy.PolicyBuilder.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.HomeOrder;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoanEligibilityPolicyTest {

    private static LoanApplication application(String day, AccountState state, int months, int outstanding, String amount,
                                               int termMonths, HomeOrder order) {
        return new LoanApplication(LocalDate.parse(day), state, months, outstanding, Money.parse(amount), termMonths, order);
    }

    private static LoanApplication ordinary(String day) {
        return application(day, AccountState.NORMAL, 24, 0, "800000.00", 360, HomeOrder.FIRST_HOME);
    }

    private static Decision<LoanOffer> decide(PolicyBuilder policy, LoanApplication application) {
        return new LoanEligibilityPolicy(policy.build()).decide(application);
    }

    @Test
    void anEligibleApplicantIsOfferedWhatTheyAskAtTheRateOfTheDay() {
        assertThat(approvedOutcome(decide(aPolicy(), ordinary("2025-09-01"))))
                .isEqualTo(new LoanOffer(Money.parse("800000.00"), 360, AnnualRate.percent("2.6")));
        assertThat(approvedOutcome(decide(aPolicy(), ordinary("2025-05-07"))).rate()).isEqualTo(AnnualRate.percent("2.85"));
    }

    @Test
    void aSecondHomeAndAShortTermTakeTheirOwnRates() {
        assertThat(approvedOutcome(decide(aPolicy(), application("2025-09-01", AccountState.NORMAL, 24, 0, "300000.00", 60,
                HomeOrder.SECOND_HOME))).rate()).isEqualTo(AnnualRate.percent("2.525"));
    }

    @Test
    void theOfferIsCutDownToTheCentersMaximumAmountAndTerm() {
        LoanOffer offer = approvedOutcome(decide(aPolicy().loanUpTo("600000.00", 25), ordinary("2025-09-01")));

        assertThat(offer.amount()).isEqualTo(Money.parse("600000.00"));
        assertThat(offer.termMonths()).isEqualTo(300);
    }

    @Test
    void onlyAnAccountContributingNowBorrows() {
        assertThat(reasonCode(decide(aPolicy(), application("2025-09-01", AccountState.SEALED, 24, 0, "800000.00", 360,
                HomeOrder.FIRST_HOME)))).isEqualTo(LoanEligibilityPolicy.ACCOUNT_NOT_CONTRIBUTING);
    }

    @Test
    void tooFewMonthsOfContinuousContributionAreRejected() {
        PolicyBuilder twelveMonths = aPolicy().loanNeedsContinuousMonths(12);

        assertThat(reasonCode(decide(twelveMonths, application("2025-09-01", AccountState.NORMAL, 11, 0, "800000.00", 360,
                HomeOrder.FIRST_HOME)))).isEqualTo(LoanEligibilityPolicy.CONTRIBUTION_TOO_SHORT);
        assertThat(decide(twelveMonths, application("2025-09-01", AccountState.NORMAL, 12, 0, "800000.00", 360,
                HomeOrder.FIRST_HOME)).isApproved()).isTrue();
    }

    @Test
    void aSecondLoanOnlyOnceTheFirstIsRepaid() {
        LoanApplication withLoan = application("2025-09-01", AccountState.NORMAL, 24, 1, "800000.00", 360, HomeOrder.SECOND_HOME);

        assertThat(reasonCode(decide(aPolicy().secondLoanOnlyAfterFirstRepaid(true), withLoan)))
                .isEqualTo(LoanEligibilityPolicy.PREVIOUS_LOAN_NOT_REPAID);
        assertThat(decide(aPolicy().secondLoanOnlyAfterFirstRepaid(false), withLoan).isApproved()).isTrue();
    }

    @Test
    void beforeThePolicyTookEffectThereIsNoDecisionButARejection() {
        assertThat(reasonCode(decide(aPolicy(), ordinary("2024-06-30")))).isEqualTo(CenterPolicy.NO_POLICY_IN_FORCE);
    }
}
