package cn.tongban.center.policy;

import static cn.tongban.center.policy.DecisionAssertions.approvedOutcome;
import static cn.tongban.center.policy.DecisionAssertions.reasonCode;
import static cn.tongban.center.policy.PolicyBuilder.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetirementWithdrawalPolicyTest {

    private static final LocalDate APPLIED = LocalDate.of(2025, 9, 1);
    private static final Money BALANCE = Money.parse("186532.40");

    private static RetirementFacts retiree(AccountState state, LocalDate retiredOn, boolean loan) {
        return new RetirementFacts(APPLIED, state, BALANCE, retiredOn, loan);
    }

    private static Decision<Money> decide(PolicyBuilder policy, RetirementFacts facts) {
        return new RetirementWithdrawalPolicy(policy.build()).decide(facts);
    }

    @Test
    void aConfirmedRetireeWithdrawsTheWholeBalance() {
        assertThat(approvedOutcome(decide(aPolicy(), retiree(AccountState.SEALED, LocalDate.of(2025, 6, 1), false))))
                .isEqualTo(BALANCE);
    }

    @Test
    void retirementIsWhatTheSocialSecurityRecordSaysNotAnAge() {
        assertThat(reasonCode(decide(aPolicy(), retiree(AccountState.SEALED, null, false))))
                .isEqualTo(RetirementWithdrawalPolicy.RETIREMENT_NOT_CONFIRMED);
        assertThat(reasonCode(decide(aPolicy(), retiree(AccountState.SEALED, APPLIED.plusDays(1), false))))
                .isEqualTo(RetirementWithdrawalPolicy.NOT_YET_RETIRED);
        assertThat(decide(aPolicy(), retiree(AccountState.SEALED, APPLIED, false)).isApproved()).isTrue();
    }

    @Test
    void whereTheCenterSaysSoTheEmployerSealsTheAccountFirst() {
        RetirementFacts normal = retiree(AccountState.NORMAL, LocalDate.of(2025, 6, 1), false);

        assertThat(reasonCode(decide(aPolicy().retirementRequiresASealedAccount(true), normal)))
                .isEqualTo(RetirementWithdrawalPolicy.ACCOUNT_NOT_SEALED);
        assertThat(decide(aPolicy().retirementRequiresASealedAccount(false), normal).isApproved()).isTrue();
    }

    @Test
    void whereTheCenterSaysSoAnOutstandingLoanIsRepaidFirst() {
        RetirementFacts withLoan = retiree(AccountState.SEALED, LocalDate.of(2025, 6, 1), true);

        assertThat(reasonCode(decide(aPolicy().retirementRequiresLoanRepaid(true), withLoan)))
                .isEqualTo(RetirementWithdrawalPolicy.LOAN_OUTSTANDING);
        assertThat(decide(aPolicy().retirementRequiresLoanRepaid(false), withLoan).isApproved()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"FROZEN, ACCOUNT_FROZEN", "WITHDRAWN_CLOSED, ACCOUNT_CLOSED", "MERGED_CLOSED, ACCOUNT_CLOSED",
            "OTHER, ACCOUNT_STATE_UNKNOWN"})
    void anAccountThatCannotPayOutIsRejected(AccountState state, String code) {
        assertThat(reasonCode(decide(aPolicy(), retiree(state, LocalDate.of(2025, 6, 1), false)))).isEqualTo(code);
    }

    @Test
    void anEmptyAccountHasNothingToWithdraw() {
        RetirementFacts empty = new RetirementFacts(APPLIED, AccountState.SEALED, Money.ZERO, LocalDate.of(2025, 6, 1), false);

        assertThat(reasonCode(decide(aPolicy(), empty))).isEqualTo(RetirementWithdrawalPolicy.NO_BALANCE);
    }
}
