package cn.tongban.kit.crypto;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * Signs with SM2 over SM3 (国密 SM2 签名, GB/T 32918.2; what JCA calls {@code SM3withSM2}) using the default user
 * id {@code 1234567812345678}. A signature is the DER {@code SEQUENCE {r, s}}, base64 where it travels. Each
 * signature draws a fresh random k, so signing the same bytes twice gives two different, equally valid
 * signatures. Thread-safe.
 *
 * <p>Each thread keeps one initialised BouncyCastle {@code SM2Signer}: initialising one derives the public
 * point and Z_A from the private key (a scalar multiplication as costly as the signature itself), which the
 * JCA path would repeat for every signature. The signer resets itself to Z_A after each signature.
 */
public final class Sm2Signer {

    private final ThreadLocal<SM2Signer> signers;

    public Sm2Signer(PrivateKey key) {
        Sm2.requireSm2(key);
        ECPrivateKeyParameters parameters;
        try {
            parameters = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable SM2 private key", e);
        }
        this.signers = ThreadLocal.withInitial(() -> {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithID(new ParametersWithRandom(parameters, Sm2.RANDOM), Sm2.defaultUserId()));
            return signer;
        });
    }

    /** The base64 of the DER signature of the message. */
    public String sign(byte[] message) {
        return Base64.getEncoder().encodeToString(signDer(message));
    }

    /** The DER signature of the message. */
    public byte[] signDer(byte[] message) {
        SM2Signer signer = signers.get();
        signer.reset();
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        } finally {
            signer.reset();
        }
    }
}
