package cn.tongban.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.junit.jupiter.api.Test;

/**
 * SM2 signatures carry a random k, so they are checked as GB/T 32918 suggests testing them: sign then
 * verify, verify along an independent code path (BouncyCastle's low-level {@code SM2Signer} against the
 * JCA {@code SM3withSM2} used by {@link Sm2Signer}), and make sure a changed byte or a wrong key fails.
 */
class Sm2SignatureTest {

    static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MESSAGE = "specversion=1.0\nid=e-1\ndata={\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);

    final Sm2KeyPair keys = Sm2Keys.generate();

    @Test
    void aSignatureVerifiesWithThePairsPublicKey() {
        String signature = keys.signer().sign(MESSAGE);

        assertThat(keys.verifier().verify(MESSAGE, signature)).isTrue();
        assertThat(Base64.getDecoder().decode(signature)[0]).as("DER SEQUENCE tag").isEqualTo((byte) 0x30);
    }

    @Test
    void twoSignaturesOfTheSameBytesDifferButBothVerify() {
        String first = keys.signer().sign(MESSAGE);
        String second = keys.signer().sign(MESSAGE);

        assertThat(first).isNotEqualTo(second);
        assertThat(keys.verifier().verify(MESSAGE, first)).isTrue();
        assertThat(keys.verifier().verify(MESSAGE, second)).isTrue();
    }

    @Test
    void whatTheSignerSignsTheJcaSm3withSm2Verifies() throws Exception {
        java.security.Signature jca = java.security.Signature.getInstance("SM3withSM2",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        jca.setParameter(new org.bouncycastle.jcajce.spec.SM2ParameterSpec(USER_ID));
        Sm2Signer signer = keys.signer();
        for (int i = 0; i < 3; i++) {
            // one signer, several signatures: each starts again from Z_A
            byte[] der = signer.signDer(MESSAGE);
            jca.initVerify(keys.publicKey());
            jca.update(MESSAGE);
            assertThat(jca.verify(der)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void whatTheSignerSignsTheLowLevelSm2SignerVerifies() {
        byte[] der = keys.signer().signDer(MESSAGE);

        SM2Signer lowLevel = new SM2Signer();
        lowLevel.init(false, new ParametersWithID(publicParameters(), USER_ID));
        lowLevel.update(MESSAGE, 0, MESSAGE.length);

        assertThat(lowLevel.verifySignature(der)).isTrue();
    }

    @Test
    void whatTheLowLevelSm2SignerSignsTheJcaPathVerifies() throws CryptoException {
        SM2Signer lowLevel = new SM2Signer();
        lowLevel.init(true, new ParametersWithID(new ParametersWithRandom(privateParameters(), new SecureRandom()),
                USER_ID));
        lowLevel.update(MESSAGE, 0, MESSAGE.length);
        byte[] der = lowLevel.generateSignature();

        assertThat(keys.verifier().verifyDer(MESSAGE, der)).isTrue();
        assertThat(keys.verifier().verify(MESSAGE, Base64.getEncoder().encodeToString(der))).isTrue();
    }

    @Test
    void theUserIdIsPartOfTheSignatureSoAnotherIdDoesNotVerify() {
        byte[] der = keys.signer().signDer(MESSAGE);

        SM2Signer otherId = new SM2Signer();
        otherId.init(false, new ParametersWithID(publicParameters(), "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII)));
        otherId.update(MESSAGE, 0, MESSAGE.length);

        assertThat(otherId.verifySignature(der)).isFalse();
    }

    @Test
    void oneChangedByteOfTheMessageFails() {
        String signature = keys.signer().sign(MESSAGE);
        for (int i : new int[] {0, MESSAGE.length / 2, MESSAGE.length - 1}) {
            byte[] changed = MESSAGE.clone();
            changed[i] ^= 0x01;
            assertThat(keys.verifier().verify(changed, signature)).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void oneChangedByteOfTheSignatureFails() {
        byte[] der = keys.signer().signDer(MESSAGE);
        byte[] changed = der.clone();
        changed[changed.length - 1] ^= 0x01;

        assertThat(keys.verifier().verifyDer(MESSAGE, changed)).isFalse();
    }

    @Test
    void anotherKeysSignatureFails() {
        Sm2KeyPair other = Sm2Keys.generate();

        assertThat(keys.verifier().verify(MESSAGE, other.signer().sign(MESSAGE))).isFalse();
        assertThat(other.verifier().verify(MESSAGE, keys.signer().sign(MESSAGE))).isFalse();
    }

    @Test
    void aMissingOrMalformedSignatureIsFalseNotAnException() {
        assertThat(keys.verifier().verify(MESSAGE, null)).isFalse();
        assertThat(keys.verifier().verify(MESSAGE, "")).isFalse();
        assertThat(keys.verifier().verify(MESSAGE, "not base64!")).isFalse();
        assertThat(keys.verifier().verify(MESSAGE, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))).isFalse();
        assertThat(keys.verifier().verifyDer(MESSAGE, new byte[0])).isFalse();
    }

    @Test
    void anEmptyMessageCanBeSignedToo() {
        assertThat(keys.verifier().verify(new byte[0], keys.signer().sign(new byte[0]))).isTrue();
        assertThat(keys.verifier().verify(new byte[] {0}, keys.signer().sign(new byte[0]))).isFalse();
    }

    private ECPublicKeyParameters publicParameters() {
        try {
            return (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(keys.publicKey());
        } catch (java.security.InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }

    private ECPrivateKeyParameters privateParameters() {
        try {
            return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(keys.privateKey());
        } catch (java.security.InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }
}
