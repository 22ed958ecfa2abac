package cn.tongban.center.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.contracts.Money;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseMoneyWordsTest {

    private static String words(String yuan) {
        return ChineseMoneyWords.of(Money.parse(yuan));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0.00,          零元整",
            "1.00,          壹元整",
            "2.00,          贰元整",
            "10.00,         壹拾元整",     // 壹拾, never a bare 拾
            "11.00,         壹拾壹元整",
            "20.00,         贰拾元整",
            "100.00,        壹佰元整",
            "101.00,        壹佰零壹元整",
            "110.00,        壹佰壹拾元整",
            "1001.00,       壹仟零壹元整",  // two zeros inside, one 零
            "1010.00,       壹仟零壹拾元整",
            "1100.00,       壹仟壹佰元整",
            "4440.00,       肆仟肆佰肆拾元整",
            "9999.00,       玖仟玖佰玖拾玖元整"})
    void wholeYuanEndWithZheng(String amount, String expected) {
        assertThat(words(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "10000.00,      壹万元整",
            "10001.00,      壹万零壹元整",
            "10010.00,      壹万零壹拾元整",
            "10100.00,      壹万零壹佰元整",
            "11000.00,      壹万壹仟元整",
            "20500.00,      贰万零伍佰元整",
            "100000.00,     壹拾万元整",
            "100001.00,     壹拾万零壹元整",    // trailing zero of 万's group and leading zeros of the next: one 零
            "1000100.00,    壹佰万零壹佰元整",
            "1234567.89,    壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "100000000.00,  壹亿元整",
            "100000001.00,  壹亿零壹元整",      // a whole group of zeros between: still one 零, no 万
            "100010001.00,  壹亿零壹万零壹元整",
            "101000000.00,  壹亿零壹佰万元整",
            "110000000.00,  壹亿壹仟万元整",
            "1000000000.00, 壹拾亿元整",
            "999999999999.99, 玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"})
    void largeAmountsUseWanAndYiWithOneZeroBetweenNonZeroGroups(String amount, String expected) {
        assertThat(words(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "10.50,         壹拾元伍角",        // no 整 after 角: the form most banks print
            "186532.40,     壹拾捌万陆仟伍佰叁拾贰元肆角",
            "100000.07,     壹拾万元零柒分",    // no jiao but fen: 零 after 元 is required
            "325.04,        叁佰贰拾伍元零肆分", // PBoC example
            "16409.02,      壹万陆仟肆佰零玖元零贰分", // PBoC example
            "1409.50,       壹仟肆佰零玖元伍角", // PBoC example
            "6007.14,       陆仟零柒元壹角肆分", // PBoC example: several zeros, one 零
            "1680.32,       壹仟陆佰捌拾元叁角贰分", // PBoC example, the form without the optional 零
            "107000.53,     壹拾万柒仟元伍角叁分",   // PBoC example, the form without the optional 零
            "50000.60,      伍万元陆角",
            "1000000.05,    壹佰万元零伍分",
            "1.01,          壹元零壹分",
            "1.10,          壹元壹角",
            "1.11,          壹元壹角壹分"})
    void jiaoAndFenFollowTheYuan(String amount, String expected) {
        assertThat(words(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0.01, 壹分",
            "0.05, 伍分",
            "0.10, 壹角",
            "0.50, 伍角",
            "0.55, 伍角伍分",
            "0.99, 玖角玖分"})
    void belowOneYuanThereIsNoYuan(String amount, String expected) {
        assertThat(words(amount)).isEqualTo(expected);
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> words("-0.01")).withMessageContaining("negative");
        assertThatIllegalArgumentException().isThrownBy(() -> words("-100.00"));
    }

    @Test
    void aTrillionYuanOrMoreIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> words("1000000000000.00"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseMoneyWords.of(Money.ofFen(Long.MAX_VALUE)));
    }

    @Test
    void anyAmountReadsBackToItselfAndFollowsTheZeroRules() {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int i = 0; i < 20_000; i++) {
            // amounts of every size: a random number of digits, so that runs of zeros are common
            long fen = random.nextLong((long) Math.pow(10, random.nextInt(1, 15)));
            if (random.nextInt(4) == 0) {
                fen = fen / 1000 * 1000; // many zeros at the end
            }
            String words = ChineseMoneyWords.of(Money.ofFen(fen));

            assertThat(readBack(words)).as(words).isEqualTo(fen);
            if (fen > 0) {
                assertThat(words).as(Money.ofFen(fen).toString())
                        .doesNotContain("零零", "零万", "零亿", "零元", "零角", "亿万", "整整")
                        .matches("[壹贰叁肆伍陆柒捌玖].*")
                        .matches(fen % 100 == 0 ? ".*元整" : ".*[角分]");
            }
        }
    }

    /** An independent reading of capital numerals, only for checking. */
    private static long readBack(String words) {
        String digits = "零壹贰叁肆伍陆柒捌玖";
        long yi = 0;
        long wan = 0;
        long section = 0;
        long number = 0;
        long fen = 0;
        for (char c : words.toCharArray()) {
            int digit = digits.indexOf(c);
            if (digit >= 0) {
                number = digit;
            } else {
                switch (c) {
                    case '拾' -> { section += number * 10; number = 0; }
                    case '佰' -> { section += number * 100; number = 0; }
                    case '仟' -> { section += number * 1000; number = 0; }
                    case '万' -> { wan = section + number; section = 0; number = 0; }
                    case '亿' -> { yi = section + number; section = 0; number = 0; }
                    case '元' -> { fen += (yi * 100_000_000 + wan * 10_000 + section + number) * 100; number = 0; }
                    case '角' -> { fen += number * 10; number = 0; }
                    case '分' -> { fen += number; number = 0; }
                    case '整' -> { }
                    default -> throw new AssertionError("unexpected character " + c + " in " + words);
                }
            }
        }
        return fen;
    }
}
