package cn.tongban.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SM3 against the examples of GB/T 32905-2016 (shared/reference/test-vectors.md). */
class Sm3Test {

    @Test
    void theStandardsFirstExampleAbc() {
        assertThat(Sm3.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void theStandardsSecondExampleAbcdSixteenTimes() {
        assertThat(Sm3.hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void partsAreHashedAsIfConcatenated() {
        byte[] whole = Sm3.digest("abcd".repeat(16));
        byte[] inParts = Sm3.digest("abcdabcd".getBytes(StandardCharsets.US_ASCII), new byte[0],
                "abcd".repeat(14).getBytes(StandardCharsets.US_ASCII));

        assertThat(inParts).isEqualTo(whole).hasSize(Sm3.LENGTH);
        assertThat(Sm3.toHex(whole)).isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void oneChangedByteChangesTheDigest() {
        assertThat(Sm3.hex("abd".getBytes(StandardCharsets.US_ASCII)))
                .isNotEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hexReadsBackToTheSameBytes() {
        byte[] digest = Sm3.digest("abc");
        assertThat(Sm3.fromHex(Sm3.toHex(digest))).isEqualTo(digest);
        assertThat(Sm3.fromHex("66C7F0F4")).isEqualTo(Sm3.fromHex("66c7f0f4"));
    }
}
