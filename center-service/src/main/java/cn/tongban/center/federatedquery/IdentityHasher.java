package cn.tongban.center.federatedquery;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.federatedquery.IdentityHash;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The keyed hash of an identity number (身份证号码密钥摘要): HMAC-SM3 under the federation key that every center
 * holds and the platform does not (see {@link IdentityHash} and ADR 0013). Thread-safe: a new MAC per call.
 */
public final class IdentityHasher {

    /** The federation key has at least the length of an SM3 digest. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    public IdentityHasher(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the federation key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The insecure dev key of a label (the local profile only): SM3 of a fixed text and the label. */
    public static IdentityHasher dev(String label) {
        SM3Digest digest = new SM3Digest();
        byte[] text = ("tongban-dev-federation-key:" + label).getBytes(StandardCharsets.UTF_8);
        digest.update(text, 0, text.length);
        byte[] key = new byte[digest.getDigestSize()];
        digest.doFinal(key, 0);
        return new IdentityHasher(key);
    }

    public IdentityHash hash(IdentityNumber person) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] text = person.value().getBytes(StandardCharsets.UTF_8);
        mac.update(text, 0, text.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return IdentityHash.of(HexFormat.of().formatHex(out));
    }
}
