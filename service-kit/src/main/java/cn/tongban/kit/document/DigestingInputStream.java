package cn.tongban.kit.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Computes SM3 and SHA-256 of everything read through it, while it streams: a document is hashed on its way to
 * the disk or the store, never held whole in memory. {@link #digests()} is the fingerprint of what was read so far.
 * Not thread-safe.
 */
public class DigestingInputStream extends FilterInputStream {

    private final SM3Digest sm3 = new SM3Digest();
    private final MessageDigest sha256;
    private long size;

    public DigestingInputStream(InputStream in) {
        super(in);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sm3.update((byte) b);
            sha256.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sm3.update(buffer, offset, n);
            sha256.update(buffer, offset, n);
            size += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the digests: read them instead.
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // not supported: a reset would count bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported while digesting");
    }

    /** Bytes read so far. */
    public long size() {
        return size;
    }

    /** The digests of what was read so far (the stream may go on). */
    public Digests digests() {
        byte[] sm3Out = new byte[sm3.getDigestSize()];
        new SM3Digest(sm3).doFinal(sm3Out, 0);
        byte[] shaOut;
        try {
            shaOut = ((MessageDigest) sha256.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of the JDK can be cloned", e);
        }
        return new Digests(HexFormat.of().formatHex(sm3Out), HexFormat.of().formatHex(shaOut), size);
    }
}
