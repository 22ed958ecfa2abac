package cn.tongban.kit.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * Checks SM2-over-SM3 signatures (国密 SM2 验签) made by {@link Sm2Signer} or any GB/T 32918 implementation
 * with the default user id {@code 1234567812345678}. A signature that is not there, not base64, not DER or
 * simply wrong is a {@code false}, not an exception: to the caller they are all "not signed by this key".
 * Thread-safe.
 */
public final class Sm2Verifier {

    private final PublicKey key;

    public Sm2Verifier(PublicKey key) {
        Sm2.requireSm2(key);
        this.key = key;
    }

    /** Whether the base64 DER signature is this key's over exactly these bytes. */
    public boolean verify(byte[] message, String base64Signature) {
        if (base64Signature == null || base64Signature.isBlank()) {
            return false;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64Signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifyDer(message, der);
    }

    /** Whether the DER signature is this key's over exactly these bytes. */
    public boolean verifyDer(byte[] message, byte[] der) {
        if (message == null || der == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(Sm2.SIGNATURE_ALGORITHM, Sm2.PROVIDER);
            signature.setParameter(new SM2ParameterSpec(Sm2.defaultUserId()));
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed DER signature surfaces as SignatureException (or, in some providers, a runtime one).
            return false;
        }
    }

    /** The key this verifier checks against. */
    public PublicKey publicKey() {
        return key;
    }
}
