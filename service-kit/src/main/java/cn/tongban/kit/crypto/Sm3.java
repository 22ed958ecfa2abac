package cn.tongban.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The SM3 hash (国密 SM3, GB/T 32905-2016): 32-byte digests, written as 64 lower-case hex digits where they
 * are stored or sent. Stateless and thread-safe.
 */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private Sm3() {
    }

    /** SM3 of the bytes. */
    public static byte[] digest(byte[] input) {
        return digest(new byte[][] {input});
    }

    /** SM3 of the parts one after the other, as if they were one array. */
    public static byte[] digest(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** SM3 of the UTF-8 bytes of the text. */
    public static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SM3 of the bytes, as 64 lower-case hex digits. */
    public static String hex(byte[] input) {
        return HEX.formatHex(digest(input));
    }

    /** Lower-case hex of any bytes (a digest already computed, for instance). */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The bytes of a hex string (either case). */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }
}
