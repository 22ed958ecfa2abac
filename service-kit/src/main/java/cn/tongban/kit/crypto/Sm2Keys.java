package cn.tongban.kit.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 keys (国密 SM2, GB/T 32918, curve {@code sm2p256v1}): generated, written and read.
 *
 * <p>Text forms: a public key is base64 of its X.509 SubjectPublicKeyInfo DER, a private key base64 of its
 * PKCS#8 DER; the decoders also accept PEM ({@code -----BEGIN PUBLIC KEY-----} / {@code PRIVATE KEY}) and
 * ignore whitespace, so a key can be pasted from a file into an environment variable either way.
 */
public final class Sm2Keys {

    private static final String PEM_PUBLIC = "PUBLIC KEY";
    private static final String PEM_PRIVATE = "PRIVATE KEY";

    private Sm2Keys() {
    }

    /** A new random key pair. */
    public static Sm2KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(Sm2.KEY_ALGORITHM, Sm2.PROVIDER);
            generator.initialize(Sm2.PARAMETERS, Sm2.RANDOM);
            KeyPair pair = generator.generateKeyPair();
            return new Sm2KeyPair(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SM2 key pair", e);
        }
    }

    /**
     * <b>Insecure, for the {@code local} profile and tests only.</b> The key pair whose private scalar is
     * {@code d = SM3(UTF-8(label)) mod n} (the digest read as an unsigned big-endian integer, n the order of
     * the SM2 base point), public key {@code d·G}. Anyone who knows the label knows the private key: it exists
     * so that every service of the local federation knows every other's public key without a key exchange
     * ({@code devKeyPair("platform")}, {@code devKeyPair("center-110000")} …). Never configure it in production.
     *
     * @throws IllegalArgumentException for a blank label, or in the (2^-250-unlikely) case that d is 0 or n-1
     */
    public static Sm2KeyPair devKeyPair(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a dev key needs a label");
        }
        BigInteger d = new BigInteger(1, Sm3.digest(label.getBytes(StandardCharsets.UTF_8))).mod(Sm2.ORDER);
        if (d.signum() == 0 || d.equals(Sm2.ORDER.subtract(BigInteger.ONE))) {
            throw new IllegalArgumentException("the label " + label + " gives no valid SM2 private key");
        }
        return keyPairOf(d);
    }

    /** The pair of a private key, its public key computed as d·G. */
    public static Sm2KeyPair keyPairOf(PrivateKey privateKey) {
        Sm2.requireSm2(privateKey);
        return keyPairOf(((ECPrivateKey) privateKey).getD());
    }

    /** The pair of a private key given as base64 PKCS#8 or PEM (see {@link #decodePrivateKey(String)}). */
    public static Sm2KeyPair keyPairOf(String privateKey) {
        return keyPairOf(decodePrivateKey(privateKey));
    }

    private static Sm2KeyPair keyPairOf(BigInteger d) {
        try {
            KeyFactory factory = KeyFactory.getInstance(Sm2.KEY_ALGORITHM, Sm2.PROVIDER);
            ECPoint q = Sm2.PARAMETERS.getG().multiply(d).normalize();
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, Sm2.PARAMETERS));
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(q, Sm2.PARAMETERS));
            return new Sm2KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SM2 key pair", e);
        }
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo DER. */
    public static String encodePublicKey(PublicKey key) {
        Sm2.requireSm2(key);
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Base64 of the PKCS#8 DER. */
    public static String encodePrivateKey(PrivateKey key) {
        Sm2.requireSm2(key);
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * A public key from base64 X.509 SubjectPublicKeyInfo, or PEM.
     *
     * @throws IllegalArgumentException if it is not readable or not an SM2 key
     */
    public static PublicKey decodePublicKey(String text) {
        byte[] der = der(text, PEM_PUBLIC);
        try {
            PublicKey key = KeyFactory.getInstance(Sm2.KEY_ALGORITHM, Sm2.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(der));
            Sm2.requireSm2(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 public key (base64 X.509 SubjectPublicKeyInfo): "
                    + e.getMessage(), e);
        }
    }

    /**
     * A private key from base64 PKCS#8, or PEM.
     *
     * @throws IllegalArgumentException if it is not readable or not an SM2 key
     */
    public static PrivateKey decodePrivateKey(String text) {
        byte[] der = der(text, PEM_PRIVATE);
        try {
            PrivateKey key = KeyFactory.getInstance(Sm2.KEY_ALGORITHM, Sm2.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            Sm2.requireSm2(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            // The message never includes the key itself.
            throw new IllegalArgumentException("not an SM2 private key (base64 PKCS#8): " + e.getClass().getSimpleName(), e);
        }
    }

    /** PEM ({@code -----BEGIN PUBLIC KEY-----}, 64-character lines). */
    public static String toPem(PublicKey key) {
        return pem(PEM_PUBLIC, encodePublicKey(key));
    }

    /** PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8, 64-character lines). */
    public static String toPem(PrivateKey key) {
        return pem(PEM_PRIVATE, encodePrivateKey(key));
    }

    /** A short, stable name for a public key in logs and reports: the first 16 hex digits of SM3 of its DER. */
    public static String fingerprint(PublicKey key) {
        return Sm3.hex(key.getEncoded()).substring(0, 16);
    }

    private static String pem(String label, String base64) {
        StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----\n").toString();
    }

    private static byte[] der(String text, String pemLabel) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String body = text.strip();
        if (body.startsWith("-----BEGIN ")) {
            String begin = "-----BEGIN " + pemLabel + "-----";
            String end = "-----END " + pemLabel + "-----";
            int from = body.indexOf(begin);
            int to = body.indexOf(end);
            if (from != 0 || to < 0) {
                throw new IllegalArgumentException("expected a PEM block " + begin);
            }
            body = body.substring(begin.length(), to);
        }
        try {
            return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64", e);
        }
    }
}
