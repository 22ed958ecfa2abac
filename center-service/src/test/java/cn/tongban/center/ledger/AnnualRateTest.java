package cn.tongban.center.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AnnualRateTest {

    @Test
    void aRateIsHeldInPercentWithoutTrailingZeros() {
        assertThat(AnnualRate.percent("2.60")).isEqualTo(AnnualRate.percent("2.6"));
        assertThat(AnnualRate.percent("10.00").toString()).isEqualTo("10%");
        assertThat(AnnualRate.percent("3.075").fraction()).isEqualByComparingTo(new BigDecimal("0.03075"));
    }

    @Test
    void aRateIsBetweenZeroAndAHundredPercentWithAtMostFourPlaces() {
        assertThatIllegalArgumentException().isThrownBy(() -> AnnualRate.percent("-0.1"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnualRate.percent("100"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnualRate.percent("1.23456"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnualRate.percent("1.5%"));
        assertThat(AnnualRate.percent("0").isZero()).isTrue();
    }
}
