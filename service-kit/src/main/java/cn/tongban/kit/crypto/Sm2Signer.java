package cn.tongban.kit.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * Signs with SM2 over SM3 (国密 SM2 签名, GB/T 32918.2; JCA {@code SM3withSM2}) using the default user id
 * {@code 1234567812345678}. A signature is the DER {@code SEQUENCE {r, s}}, base64 where it travels. Each
 * signature draws a fresh random k, so signing the same bytes twice gives two different, equally valid
 * signatures. Thread-safe.
 */
public final class Sm2Signer {

    private final PrivateKey key;

    public Sm2Signer(PrivateKey key) {
        Sm2.requireSm2(key);
        this.key = key;
    }

    /** The base64 of the DER signature of the message. */
    public String sign(byte[] message) {
        return Base64.getEncoder().encodeToString(signDer(message));
    }

    /** The DER signature of the message. */
    public byte[] signDer(byte[] message) {
        try {
            Signature signature = Signature.getInstance(Sm2.SIGNATURE_ALGORITHM, Sm2.PROVIDER);
            signature.setParameter(new SM2ParameterSpec(Sm2.defaultUserId()));
            signature.initSign(key, Sm2.RANDOM);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }
}
