package cn.tongban.center.policy;

import static cn.tongban.center.policy.DecisionAssertions.approvedOutcome;
import static cn.tongban.center.policy.DecisionAssertions.reasonCode;
import static cn.tongban.center.policy.PolicyBuilder.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContributionChangePolicyTest {

    private static Decision<Money> decide(PolicyBuilder policy, String base, String unitRate, String personalRate) {
        return new ContributionChangePolicy(policy.build()).decide(
                new ContributionChange(LocalDate.of(2025, 7, 1), Money.parse(base), new BigDecimal(unitRate), new BigDecimal(personalRate)));
    }

    @Test
    void figuresWithinTheBoundsGiveTheNewMonthlyAmount() {
        // 12,345.67 × 12% = 1,481.4804 → 1,481.48; × 7% = 864.1969 → 864.20; together 2,345.68
        assertThat(approvedOutcome(decide(aPolicy(), "12345.67", "12", "7"))).isEqualTo(Money.parse("2345.68"));
    }

    @ParameterizedTest
    @CsvSource({
            "10000.00, 4.5, 7,  UNIT_RATE_OUT_OF_RANGE",
            "10000.00, 8,   7,  UNIT_RATE_OUT_OF_RANGE",
            "10000.00, 7,   8,  PERSONAL_RATE_OUT_OF_RANGE",
            "1999.99,  7,   7,  BASE_BELOW_FLOOR",
            "30000.01, 7,   7,  BASE_ABOVE_CAP",
    })
    void figuresOutsideTheCentersBoundsAreRejected(String base, String unit, String personal, String code) {
        assertThat(reasonCode(decide(aPolicy().unitRates("5", "7").personalRates("5", "7"), base, unit, personal))).isEqualTo(code);
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        PolicyBuilder policy = aPolicy().unitRates("5", "7").personalRates("5", "7");

        assertThat(decide(policy, "2000.00", "5", "5").isApproved()).isTrue();
        assertThat(decide(policy, "30000.00", "7", "7").isApproved()).isTrue();
    }
}
