package cn.tongban.center.policy;

import static cn.tongban.center.policy.DecisionAssertions.approvedOutcome;
import static cn.tongban.center.policy.DecisionAssertions.reasonCode;
import static cn.tongban.center.policy.PurchaseFactsBuilder.aPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The same application decided by the same policy code under the bundled configuration of two demo centers
 * (policy/110000.yml Beijing, 310000.yml Shanghai, 440100.yml Guangzhou): local rules are data, not code.
 */
class SameApplicationDifferentCentersTest {

    private static final CenterPolicy BEIJING = PolicyLoader.loadBundled(CenterCode.of("110000"));
    private static final CenterPolicy SHANGHAI = PolicyLoader.loadBundled(CenterCode.of("310000"));
    private static final CenterPolicy GUANGZHOU = PolicyLoader.loadBundled(CenterCode.of("440100"));

    private static Decision<Money> purchase(CenterPolicy center, PurchaseFactsBuilder facts) {
        return new PurchaseWithdrawalPolicy(center).decide(facts.build());
    }

    @Test
    void aParentsPurchaseIsWithdrawableInGuangzhouButNotInBeijing() {
        PurchaseFactsBuilder parentsHome = aPurchase().boughtBy(Buyer.PARENT);

        assertThat(approvedOutcome(purchase(GUANGZHOU, parentsHome))).isEqualTo(Money.parse("80000.00"));
        assertThat(reasonCode(purchase(BEIJING, parentsHome))).isEqualTo(PurchaseWithdrawalPolicy.BUYER_NOT_ALLOWED);
    }

    @Test
    void aTwentyMonthOldContractIsInTimeInShanghaiButTooLateInBeijing() {
        PurchaseFactsBuilder twentyMonthsOn = aPurchase().contractSignedOn("2024-01-01").appliedOn("2025-09-01");

        assertThat(approvedOutcome(purchase(SHANGHAI, twentyMonthsOn))).isEqualTo(Money.parse("80000.00"));
        assertThat(reasonCode(purchase(BEIJING, twentyMonthsOn))).isEqualTo(PurchaseWithdrawalPolicy.OUTSIDE_WINDOW);
    }

    @Test
    void aSecondWithdrawalForTheSameHomeAYearLaterIsAllowedInShanghaiButNotInGuangzhou() {
        PurchaseFactsBuilder again = aPurchase().contractSignedOn("2024-07-01").withdrewBeforeForThisHome("2024-08-01", "40000.00")
                .familyHasWithdrawnForThisHome("40000.00");

        assertThat(purchase(SHANGHAI, again).isApproved()).isTrue();
        assertThat(reasonCode(purchase(GUANGZHOU, again))).isEqualTo(PurchaseWithdrawalPolicy.ALREADY_WITHDRAWN_FOR_HOME);
    }

    @Test
    void withASmallDownPaymentGuangzhouPaysOnlyTheSelfPaidPart() {
        // price 3,000,000.00 with 2,950,000.00 on loan: Guangzhou caps at the 50,000.00 paid without a loan,
        // Beijing at the price
        PurchaseFactsBuilder smallDownPayment = aPurchase().priced("3000000.00", "2950000.00");

        assertThat(approvedOutcome(purchase(GUANGZHOU, smallDownPayment))).isEqualTo(Money.parse("50000.00"));
        assertThat(approvedOutcome(purchase(BEIJING, smallDownPayment))).isEqualTo(Money.parse("80000.00"));
    }

    @Test
    void aRetireeWhoseEmployerHasNotSealedTheAccountWithdrawsInBeijingButNotInShanghai() {
        RetirementFacts stillNormal = new RetirementFacts(LocalDate.of(2025, 9, 1), AccountState.NORMAL,
                Money.parse("210345.67"), LocalDate.of(2025, 8, 1), false);

        assertThat(approvedOutcome(new RetirementWithdrawalPolicy(BEIJING).decide(stillNormal))).isEqualTo(Money.parse("210345.67"));
        assertThat(reasonCode(new RetirementWithdrawalPolicy(SHANGHAI).decide(stillNormal)))
                .isEqualTo(RetirementWithdrawalPolicy.ACCOUNT_NOT_SEALED);
    }

    @Test
    void anEightPercentRateIsAcceptedInBeijingButAboveShanghaisSevenPercent() {
        ContributionChange eightPercent = new ContributionChange(LocalDate.of(2025, 7, 1), Money.parse("10000.00"),
                new BigDecimal("8"), new BigDecimal("8"));

        assertThat(approvedOutcome(new ContributionChangePolicy(BEIJING).decide(eightPercent))).isEqualTo(Money.parse("1600.00"));
        assertThat(reasonCode(new ContributionChangePolicy(SHANGHAI).decide(eightPercent)))
                .isEqualTo(ContributionChangePolicy.UNIT_RATE_OUT_OF_RANGE);
    }
}
