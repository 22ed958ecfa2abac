package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAmountIsHeldAsWholeFen() {
        assertThat(Money.ofFen(1_234_560).yuan()).isEqualByComparingTo("12345.60");
        assertThat(Money.ofYuan(new BigDecimal("12345.6")).fen()).isEqualTo(1_234_560);
        assertThat(Money.ZERO.fen()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "12.3,      1230,   12.30",
            "12.30,     1230,   12.30",
            "12,        1200,   12.00",
            "0.01,      1,      0.01",
            "0,         0,      0.00",
            "12.300,    1230,   12.30",   // a trailing zero is no extra precision
            "-5.5,      -550,   -5.50",
            "99999999.99, 9999999999, 99999999.99"})
    void aDecimalWithAtMostTwoPlacesIsParsedAndPrintedWithTwo(String text, long fen, String printed) {
        Money money = Money.parse(text);

        assertThat(money.fen()).isEqualTo(fen);
        assertThat(money).hasToString(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "0.001", "12.301"})
    void moreThanTwoDecimalPlacesIsRefusedNotRounded(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text))
                .withMessageContaining("at most two decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12,30", "¥12.30", " 12.30", "12.30元"})
    void textThatIsNotANumberIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
    }

    @Test
    void arithmeticIsExactInFen() {
        Money a = Money.parse("0.10");
        Money b = Money.parse("0.20");

        assertThat(a.plus(b)).isEqualTo(Money.parse("0.30"));
        assertThat(b.minus(a)).isEqualTo(Money.parse("0.10"));
        assertThat(a.minus(b)).isEqualTo(Money.parse("-0.10")).matches(Money::isNegative);
        assertThat(Money.ZERO.isNegative()).isFalse();
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)));
    }

    @ParameterizedTest
    @CsvSource({
            "10000.00, 12,   1200.00",
            "10000.00, 7,    700.00",
            "1234.56,  7,    86.42",    // 86.4192
            "0.05,     10,   0.01",     // 0.005 rounds half up
            "0.04,     10,   0.00",     // 0.004 rounds down
            "8888.88,  5.5,  488.89",   // 488.8884
            "35000.00, 12,   4200.00"})
    void aPercentageIsRoundedHalfUpToTheFen(String amount, String percent, String expected) {
        assertThat(Money.parse(amount).timesPercent(new BigDecimal(percent))).isEqualTo(Money.parse(expected));
    }

    @Test
    void amountsOrderByValue() {
        List<Money> sorted = List.of(Money.parse("10"), Money.parse("-1"), Money.parse("9.99")).stream()
                .sorted().toList();

        assertThat(sorted).containsExactly(Money.parse("-1"), Money.parse("9.99"), Money.parse("10"));
    }

    @Test
    void inJsonAnAmountIsADecimalStringWithTwoPlaces() {
        assertThat(json.writeValueAsString(Money.parse("12345.6"))).isEqualTo("\"12345.60\"");
        assertThat(json.writeValueAsString(Money.ZERO)).isEqualTo("\"0.00\"");
        assertThat(json.readValue("\"12345.60\"", Money.class)).isEqualTo(Money.ofFen(1_234_560));
    }

    @Test
    void inJsonMoreThanTwoDecimalPlacesIsRefused() {
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> json.readValue("\"12.345\"", Money.class));
    }

    @Test
    void inJsonANumberIsNotAnAmount() {
        // a JSON number may already have passed through a double on the sender's side
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> json.readValue("186532.4", Money.class));
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> json.readValue("186532", Money.class));
    }
}
