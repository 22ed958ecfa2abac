package cn.tongban.kit.document;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fingerprints of some content (摘要): SM3 (GB/T 32905, the one the federation checks) and SHA-256 (for
 * tools outside it), each 64 lower-case hex digits, and the size in bytes.
 */
public record Digests(String sm3, String sha256, long size) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public Digests {
        sm3 = normalise("sm3", sm3);
        sha256 = normalise("sha256", sha256);
        if (size < 0) {
            throw new IllegalArgumentException("a size is never negative");
        }
    }

    /** The digests of bytes in memory. */
    public static Digests of(byte[] content) {
        DigestingInputStream in = new DigestingInputStream(new java.io.ByteArrayInputStream(content));
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return in.digests();
    }

    /** Whether text is a 256-bit digest written in hex (either case). */
    public static boolean isHexDigest(String text) {
        return text != null && HEX_256.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether these digests describe the same content as the others: both hashes and the size agree. */
    public boolean sameContentAs(Digests other) {
        return sm3.equals(other.sm3) && sha256.equals(other.sha256) && size == other.size;
    }

    private static String normalise(String name, String hex) {
        Objects.requireNonNull(hex, name);
        String lower = hex.strip().toLowerCase(Locale.ROOT);
        if (!HEX_256.matcher(lower).matches()) {
            throw new IllegalArgumentException(name + " is 64 hex digits");
        }
        return lower;
    }
}
