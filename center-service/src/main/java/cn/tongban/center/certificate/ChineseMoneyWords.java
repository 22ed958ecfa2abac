package cn.tongban.center.certificate;

import cn.tongban.contracts.Money;
import java.util.Objects;

/**
 * An amount in Chinese capital numerals (中文大写金额), as certificates print the balance, following the
 * rules for bills and vouchers of the People's Bank of China (《正确填写票据和结算凭证的基本规定》):
 * <ul>
 *   <li>digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four, groups 万 and 亿; {@code 10} is
 *       壹拾, never 拾;</li>
 *   <li>zeros inside the yuan part are read as one 零, however many there are (6007 → 陆仟零柒; a whole
 *       group of zeros between two others too: 100010001 → 壹亿零壹万零壹); zeros at the end of the yuan
 *       part are not read (100000 → 壹拾万元);</li>
 *   <li>where the rules allow either form, the shorter one is taken: no 零 when a group ends in zeros and
 *       the next group starts with a non-zero thousand (107000.53 → 壹拾万柒仟元伍角叁分), and no 零 after
 *       元 when the yuan part ends in 0 but there are jiao (1680.32 → 壹仟陆佰捌拾元叁角贰分);</li>
 *   <li>整 after 元 when there are neither jiao nor fen (1.00 → 壹元整); no 整 after 角 (10.50 → 壹拾元伍角,
 *       the form most banks print) and never after 分;</li>
 *   <li>零 after 元 when there are no jiao but fen (325.04 → 叁佰贰拾伍元零肆分, required by the rules);</li>
 *   <li>below one yuan, no 元: 0.50 → 伍角, 0.05 → 伍分; nothing at all is 零元整.</li>
 * </ul>
 * Up to 9999 亿 (one trillion yuan, exclusive); negative amounts are refused, since a balance printed on a
 * certificate is never negative.
 */
public final class ChineseMoneyWords {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    /** Unit of a digit's place within a group of four, from the right. */
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final int[] PLACE_VALUES = {1, 10, 100, 1000};
    /** Unit of a group of four, from the right. */
    private static final String[] GROUPS = {"", "万", "亿"};
    private static final long LIMIT_FEN = 1_000_000_000_000L * 100;

    private ChineseMoneyWords() {
    }

    /**
     * @throws IllegalArgumentException for a negative amount or one of a trillion yuan or more
     */
    public static String of(Money amount) {
        Objects.requireNonNull(amount, "amount");
        long fen = amount.fen();
        if (fen < 0) {
            throw new IllegalArgumentException("a negative amount has no capital form on a certificate: " + amount);
        }
        if (fen >= LIMIT_FEN) {
            throw new IllegalArgumentException("amounts of a trillion yuan or more are not written here: " + amount);
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int fenDigit = (int) (fen % 10);

        StringBuilder words = new StringBuilder();
        if (yuan > 0) {
            words.append(yuanPart(yuan)).append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return yuan == 0 ? "零元整" : words.append('整').toString();
        }
        if (jiao > 0) {
            words.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            words.append('零');
        }
        if (fenDigit > 0) {
            words.append(DIGITS[fenDigit]).append('分');
        }
        return words.toString();
    }

    /** A positive whole number of yuan, group by group from the highest. */
    private static String yuanPart(long yuan) {
        StringBuilder words = new StringBuilder();
        boolean started = false;
        boolean zeroPending = false;
        for (int group = GROUPS.length - 1; group >= 0; group--) {
            int value = (int) (yuan / pow10000(group) % 10_000);
            if (value == 0) {
                zeroPending |= started;
                continue;
            }
            if (started && value < 1000) {
                zeroPending = true;
            }
            if (zeroPending) {
                words.append('零');
                zeroPending = false;
            }
            words.append(groupOfFour(value)).append(GROUPS[group]);
            started = true;
        }
        return words.toString();
    }

    /** 1 to 9999 without leading or trailing 零: 1010 → 壹仟零壹拾, 1001 → 壹仟零壹, 1100 → 壹仟壹佰. */
    private static String groupOfFour(int value) {
        StringBuilder words = new StringBuilder();
        boolean started = false;
        boolean zeroPending = false;
        for (int place = 3; place >= 0; place--) {
            int digit = value / PLACE_VALUES[place] % 10;
            if (digit == 0) {
                zeroPending |= started;
                continue;
            }
            if (zeroPending) {
                words.append('零');
                zeroPending = false;
            }
            words.append(DIGITS[digit]).append(PLACES[place]);
            started = true;
        }
        return words.toString();
    }

    private static long pow10000(int group) {
        long result = 1;
        for (int i = 0; i < group; i++) {
            result *= 10_000;
        }
        return result;
    }
}
