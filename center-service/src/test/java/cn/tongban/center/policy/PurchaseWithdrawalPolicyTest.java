package cn.tongban.center.policy;

import static cn.tongban.center.policy.DecisionAssertions.approvedOutcome;
import static cn.tongban.center.policy.DecisionAssertions.reasonCode;
import static cn.tongban.center.policy.DecisionAssertions.rejection;
import static cn.tongban.center.policy.PolicyBuilder.aPolicy;
import static cn.tongban.center.policy.PurchaseFactsBuilder.aPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the home-purchase withdrawal, one at a time, on the defaults of {@link PolicyBuilder} and {@link PurchaseFactsBuilder}. */
class PurchaseWithdrawalPolicyTest {

    private static Decision<Money> decide(PolicyBuilder policy, PurchaseFactsBuilder facts) {
        return new PurchaseWithdrawalPolicy(policy.build()).decide(facts.build());
    }

    @Test
    void anOrdinaryPurchaseOfOnesOwnHomeIsApprovedForTheAmountAskedFor() {
        assertThat(approvedOutcome(decide(aPolicy(), aPurchase()))).isEqualTo(Money.parse("80000.00"));
    }

    @Test
    void theAmountIsNeverMoreThanTheBalance() {
        assertThat(approvedOutcome(decide(aPolicy(), aPurchase().balance("52000.35").asking("80000.00"))))
                .isEqualTo(Money.parse("52000.35"));
    }

    @Test
    void aSealedAccountMayWithdrawForAPurchase() {
        assertThat(decide(aPolicy(), aPurchase().account(AccountState.SEALED)).isApproved()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"FROZEN, ACCOUNT_FROZEN", "WITHDRAWN_CLOSED, ACCOUNT_CLOSED", "TRANSFERRED_OUT, ACCOUNT_CLOSED",
            "OTHER, ACCOUNT_STATE_UNKNOWN"})
    void anAccountThatCannotPayOutIsRejected(AccountState state, String code) {
        assertThat(reasonCode(decide(aPolicy(), aPurchase().account(state)))).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"SPOUSE, true", "PARENT, false", "CHILD, false"})
    void theBuyerMustBeOneTheCenterAccepts(Buyer buyer, boolean approved) {
        Decision<Money> decision = decide(aPolicy().buyers(Buyer.SPOUSE), aPurchase().boughtBy(buyer));

        assertThat(decision.isApproved()).isEqualTo(approved);
        if (!approved) {
            assertThat(rejection(decision).reasonCode()).isEqualTo(PurchaseWithdrawalPolicy.BUYER_NOT_ALLOWED);
            assertThat(rejection(decision).reason()).contains(buyer.chinese(), "本人、配偶");
        }
    }

    @Test
    void tooFewMonthsOfContinuousContributionAreRejected() {
        PolicyBuilder sixMonths = aPolicy().purchaseNeedsContinuousMonths(6);

        assertThat(decide(sixMonths, aPurchase().continuousMonths(6)).isApproved()).isTrue();
        assertThat(rejection(decide(sixMonths, aPurchase().continuousMonths(5))))
                .extracting(Decision.Rejected::reasonCode, Decision.Rejected::reason)
                .containsExactly(PurchaseWithdrawalPolicy.CONTRIBUTION_TOO_SHORT, "购房提取须连续缴存满 6 个月，目前连续缴存 5 个月");
    }

    @Test
    void theApplicationComesWithinTheWindowAfterTheContractTheLastDayIncluded() {
        PurchaseFactsBuilder signed = aPurchase().contractSignedOn("2024-09-01");

        assertThat(decide(aPolicy().windowMonths(12), signed.appliedOn("2025-09-01")).isApproved()).isTrue();
        Decision<Money> late = decide(aPolicy().windowMonths(12), signed.appliedOn("2025-09-02"));
        assertThat(reasonCode(late)).isEqualTo(PurchaseWithdrawalPolicy.OUTSIDE_WINDOW);
        assertThat(rejection(late).reason()).contains("12 个月", "2025-09-01");
    }

    @Test
    void aSecondHandHomeElsewhereMustBeHeldLongEnough() {
        PolicyBuilder sixMonths = aPolicy().secondHandElsewhereHeldMonths(6);
        PurchaseFactsBuilder signedInFebruary = aPurchase().contractSignedOn("2025-02-15");

        assertThat(reasonCode(decide(sixMonths, signedInFebruary.secondHandElsewhere(null))))
                .isEqualTo(PurchaseWithdrawalPolicy.NOT_YET_REGISTERED);
        // applied on 2025-09-01: registered on 2025-03-02 is one day short of six months, on 2025-03-01 just enough
        assertThat(reasonCode(decide(sixMonths, signedInFebruary.secondHandElsewhere("2025-03-02"))))
                .isEqualTo(PurchaseWithdrawalPolicy.HELD_TOO_SHORT);
        assertThat(decide(sixMonths, signedInFebruary.secondHandElsewhere("2025-03-01")).isApproved()).isTrue();
    }

    @Test
    void theHoldingRuleIsNotForHomesInTheCityNorWhereTheCenterHasNone() {
        assertThat(decide(aPolicy().secondHandElsewhereHeldMonths(6), aPurchase().secondHandInTheCity("2025-08-20")).isApproved()).isTrue();
        assertThat(decide(aPolicy(), aPurchase().secondHandElsewhere(null)).isApproved()).isTrue();
    }

    @Test
    void onceForAHomeMeansOnce() {
        PurchaseFactsBuilder again = aPurchase().withdrewBeforeForThisHome("2025-06-20", "50000.00");

        assertThat(reasonCode(decide(aPolicy().oncePerHome(true), again))).isEqualTo(PurchaseWithdrawalPolicy.ALREADY_WITHDRAWN_FOR_HOME);
        assertThat(decide(aPolicy().oncePerHome(false), again).isApproved()).isTrue();
    }

    @Test
    void onceAYearMeansTwelveMonthsSinceTheLastPurchaseWithdrawal() {
        PolicyBuilder onceAYear = aPolicy().oncePerHome(false).monthsBetweenWithdrawals(12).windowMonths(24);

        Decision<Money> tooSoon = decide(onceAYear, aPurchase().withdrewBefore("2024-09-02", "HOME-OTHER", "30000.00"));
        assertThat(reasonCode(tooSoon)).isEqualTo(PurchaseWithdrawalPolicy.TOO_SOON_AFTER_LAST_WITHDRAWAL);
        assertThat(rejection(tooSoon).reason()).contains("2025-09-02");
        assertThat(decide(onceAYear, aPurchase().withdrewBefore("2024-09-01", "HOME-OTHER", "30000.00")).isApproved()).isTrue();
    }

    @Test
    void theFamilyTogetherWithdrawsNoMoreThanTheCap() {
        // price 3,000,000.00, loans 2,950,000.00: the self-paid part is 50,000.00, of which the spouse took 20,000.00
        PurchaseFactsBuilder smallDownPayment = aPurchase().priced("3000000.00", "2950000.00").familyHasWithdrawnForThisHome("20000.00");

        assertThat(approvedOutcome(decide(aPolicy().cap(CapBasis.SELF_PAID_PART, 100), smallDownPayment)))
                .isEqualTo(Money.parse("30000.00"));
        assertThat(approvedOutcome(decide(aPolicy().cap(CapBasis.PRICE, 100), smallDownPayment)))
                .isEqualTo(Money.parse("80000.00"));
    }

    @Test
    void aCapAlreadyReachedIsRejected() {
        Decision<Money> decision = decide(aPolicy().cap(CapBasis.SELF_PAID_PART, 100),
                aPurchase().priced("3000000.00", "2950000.00").familyHasWithdrawnForThisHome("50000.00"));

        assertThat(reasonCode(decision)).isEqualTo(PurchaseWithdrawalPolicy.CAP_REACHED);
        assertThat(rejection(decision).reason()).contains("50000.00", "自付部分");
    }

    @Test
    void anEmptyAccountHasNothingToWithdraw() {
        assertThat(reasonCode(decide(aPolicy(), aPurchase().balance("0.00")))).isEqualTo(PurchaseWithdrawalPolicy.NO_BALANCE);
    }

    @Test
    void beforeThePolicyTookEffectThereIsNoDecisionButARejection() {
        assertThat(reasonCode(decide(aPolicy(), aPurchase().contractSignedOn("2024-06-01").appliedOn("2024-06-30"))))
                .isEqualTo(CenterPolicy.NO_POLICY_IN_FORCE);
    }
}
