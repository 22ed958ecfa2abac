package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SM3 and SHA-256 while streaming, checked against the standard test vectors (GB/T 32905, FIPS 180-4). */
class DigestsTest {

    static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    static final String SM3_ABCD_16 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";
    static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theStandardVectorsComeOutOfTheStream() {
        Digests abc = Digests.of("abc".getBytes(StandardCharsets.US_ASCII));
        Digests abcd = Digests.of("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII));

        assertThat(abc).isEqualTo(new Digests(SM3_ABC, SHA256_ABC, 3));
        assertThat(abcd.sm3()).isEqualTo(SM3_ABCD_16);
        assertThat(abcd.size()).isEqualTo(64);
    }

    @Test
    void readingByteByByteOrInBlocksGivesTheSameDigests() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        DigestingInputStream blocks = new DigestingInputStream(new ByteArrayInputStream(content));
        blocks.transferTo(OutputStream.nullOutputStream());
        DigestingInputStream single = new DigestingInputStream(new ByteArrayInputStream(content));
        while (single.read() >= 0) {
            // one byte at a time
        }
        DigestingInputStream skipping = new DigestingInputStream(new ByteArrayInputStream(content));
        skipping.skip(1000);
        skipping.transferTo(OutputStream.nullOutputStream());

        assertThat(single.digests()).isEqualTo(blocks.digests());
        assertThat(skipping.digests()).isEqualTo(blocks.digests());
        assertThat(blocks.digests().size()).isEqualTo(300_000);
    }

    @Test
    void digestsAreHexOf256BitsAndReadInEitherCase() {
        Digests upper = new Digests(SM3_ABC.toUpperCase(), SHA256_ABC, 3);

        assertThat(upper.sm3()).isEqualTo(SM3_ABC);
        assertThat(Digests.isHexDigest(SM3_ABC)).isTrue();
        assertThat(Digests.isHexDigest("abc")).isFalse();
        assertThatThrownBy(() -> new Digests("xyz", SHA256_ABC, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
