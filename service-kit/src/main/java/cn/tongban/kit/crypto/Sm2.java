package cn.tongban.kit.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECParameterSpec;

/**
 * What every SM2 class here shares: the BouncyCastle provider (used by reference, never installed into the
 * JVM's provider list), the recommended curve {@code sm2p256v1} of GB/T 32918.5 and the default user id.
 */
final class Sm2 {

    /** Name of the SM2 recommended curve (OID 1.2.156.10197.1.301). */
    static final String CURVE = "sm2p256v1";

    /** The JCA algorithm: SM2 signature over the SM3 digest of Z_A || message. */
    static final String SIGNATURE_ALGORITHM = "SM3withSM2";

    /** Key factory and generator algorithm: SM2 keys are EC keys on the SM2 curve. */
    static final String KEY_ALGORITHM = "EC";

    static final Provider PROVIDER = new BouncyCastleProvider();

    static final ECNamedCurveParameterSpec PARAMETERS = ECNamedCurveTable.getParameterSpec(CURVE);

    /** Order n of the base point G. */
    static final BigInteger ORDER = PARAMETERS.getN();

    static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** The default user id of GB/T 35276 / GM/T 0009, ASCII "1234567812345678", that both ends must use. */
    static byte[] defaultUserId() {
        return "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    }

    /** Throws unless the key is an EC key on the SM2 curve (a P-256 key would "sign", but not SM2). */
    static void requireSm2(Key key) {
        if (!(key instanceof ECKey ec) || !onSm2Curve(ec.getParameters())) {
            throw new IllegalArgumentException("not an SM2 key (EC on " + CURVE + "): "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getSimpleName()));
        }
    }

    private static boolean onSm2Curve(ECParameterSpec parameters) {
        return parameters != null && parameters.getCurve().equals(PARAMETERS.getCurve())
                && parameters.getG().equals(PARAMETERS.getG()) && parameters.getN().equals(PARAMETERS.getN());
    }
}
