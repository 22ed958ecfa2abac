package cn.tongban.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/** SM2 keys: written and read back in every form, derived for the local federation, and refused when foreign. */
class Sm2KeysTest {

    static final byte[] MESSAGE = "tongban".getBytes(StandardCharsets.UTF_8);
    /** DER of the OID 1.2.156.10197.1.301 (sm2p256v1). */
    static final byte[] SM2_CURVE_OID = {0x06, 0x08, 0x2a, (byte) 0x81, 0x1c, (byte) 0xcf, 0x55, 0x01, (byte) 0x82, 0x2d};

    final Sm2KeyPair keys = Sm2Keys.generate();

    @Test
    void aPublicKeyReadsBackFromBase64AndFromPem() {
        String base64 = keys.publicKeyBase64();

        assertThat(Sm2Keys.decodePublicKey(base64)).isEqualTo(keys.publicKey());
        assertThat(Sm2Keys.decodePublicKey(Sm2Keys.toPem(keys.publicKey()))).isEqualTo(keys.publicKey());
        assertThat(Sm2Keys.toPem(keys.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
    }

    @Test
    void aPrivateKeyReadsBackFromBase64AndFromPemAndStillSigns() {
        var privateKey = Sm2Keys.decodePrivateKey(keys.privateKeyBase64());
        var fromPem = Sm2Keys.decodePrivateKey(Sm2Keys.toPem(keys.privateKey()));

        assertThat(((ECPrivateKey) privateKey).getD()).isEqualTo(((ECPrivateKey) keys.privateKey()).getD());
        assertThat(((ECPrivateKey) fromPem).getD()).isEqualTo(((ECPrivateKey) keys.privateKey()).getD());
        assertThat(keys.verifier().verify(MESSAGE, new Sm2Signer(privateKey).sign(MESSAGE))).isTrue();
    }

    @Test
    void theEncodingsNameTheSm2Curve() {
        assertThat(java.util.Base64.getDecoder().decode(keys.publicKeyBase64())).containsSequence(SM2_CURVE_OID);
        assertThat(java.util.Base64.getDecoder().decode(keys.privateKeyBase64())).containsSequence(SM2_CURVE_OID);
    }

    @Test
    void thePublicKeyOfAPrivateKeyIsComputedAgain() {
        Sm2KeyPair again = Sm2Keys.keyPairOf(keys.privateKeyBase64());

        assertThat(again.publicKeyBase64()).isEqualTo(keys.publicKeyBase64());
        assertThat(Sm2Keys.keyPairOf(keys.privateKey()).publicKey()).isEqualTo(keys.publicKey());
    }

    @Test
    void devKeysAreTheSameForTheSameLabelAndDifferentAcrossLabels() {
        Sm2KeyPair platform = Sm2Keys.devKeyPair("platform");
        Sm2KeyPair platformAgain = Sm2Keys.devKeyPair("platform");
        Sm2KeyPair beijing = Sm2Keys.devKeyPair("center-110000");

        assertThat(platformAgain.publicKeyBase64()).isEqualTo(platform.publicKeyBase64());
        assertThat(platformAgain.privateKeyBase64()).isEqualTo(platform.privateKeyBase64());
        assertThat(beijing.publicKeyBase64()).isNotEqualTo(platform.publicKeyBase64());
        assertThat(platform.verifier().verify(MESSAGE, platformAgain.signer().sign(MESSAGE))).isTrue();
        assertThat(beijing.verifier().verify(MESSAGE, platform.signer().sign(MESSAGE))).isFalse();
    }

    @Test
    void aDevKeysPrivateScalarIsSm3OfTheLabelModuloTheOrder() {
        BigInteger n = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);
        BigInteger expected = new BigInteger(1, Sm3.digest("platform")).mod(n);

        Sm2KeyPair platform = Sm2Keys.devKeyPair("platform");

        assertThat(((ECPrivateKey) platform.privateKey()).getD()).isEqualTo(expected);
        assertThat(((ECPublicKey) platform.publicKey()).getQ())
                .isEqualTo(((ECPublicKey) platform.publicKey()).getParameters().getG().multiply(expected).normalize());
        assertThat(Sm2Keys.decodePrivateKey(platform.privateKeyBase64())).isNotNull();
    }

    @Test
    void aDevKeyNeedsALabel() {
        assertThatThrownBy(() -> Sm2Keys.devKeyPair(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherCurvesKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var p256 = generator.generateKeyPair();
        String p256Public = java.util.Base64.getEncoder().encodeToString(p256.getPublic().getEncoded());
        String p256Private = java.util.Base64.getEncoder().encodeToString(p256.getPrivate().getEncoded());

        assertThatThrownBy(() -> Sm2Keys.decodePublicKey(p256Public)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2Keys.decodePrivateKey(p256Private)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sm2Verifier(p256.getPublic())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsRefusedWithoutEchoingAPrivateKey() {
        assertThatThrownBy(() -> Sm2Keys.decodePublicKey("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2Keys.decodePrivateKey("c2VjcmV0")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("c2VjcmV0");
        assertThatThrownBy(() -> Sm2Keys.decodePublicKey(keys.privateKeyBase64())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2Keys.decodePrivateKey(Sm2Keys.toPem(keys.publicKey())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyPairNeverPrintsItsPrivateKey() {
        assertThat(keys.toString()).doesNotContain(keys.privateKeyBase64()).contains(Sm2Keys.fingerprint(keys.publicKey()));
    }
}
