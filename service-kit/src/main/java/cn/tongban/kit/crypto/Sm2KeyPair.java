package cn.tongban.kit.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * An SM2 key pair (国密 SM2 密钥对): the private key signs, the public key is what others are given to verify.
 * Its {@link #toString()} never shows the private key.
 */
public record Sm2KeyPair(PublicKey publicKey, PrivateKey privateKey) {

    public Sm2KeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Sm2.requireSm2(publicKey);
        Sm2.requireSm2(privateKey);
    }

    /** A signer with this pair's private key. */
    public Sm2Signer signer() {
        return new Sm2Signer(privateKey);
    }

    /** A verifier with this pair's public key. */
    public Sm2Verifier verifier() {
        return new Sm2Verifier(publicKey);
    }

    /** The public key as base64 X.509 SubjectPublicKeyInfo (DER). */
    public String publicKeyBase64() {
        return Sm2Keys.encodePublicKey(publicKey);
    }

    /** The private key as base64 PKCS#8 (DER): a secret, handle it as one. */
    public String privateKeyBase64() {
        return Sm2Keys.encodePrivateKey(privateKey);
    }

    @Override
    public String toString() {
        return "Sm2KeyPair[public=" + Sm2Keys.fingerprint(publicKey) + ", private=(hidden)]";
    }
}
