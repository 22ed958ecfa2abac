package cn.tongban.center.federatedquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.contracts.IdentityNumber;
import org.junit.jupiter.api.Test;

/** HMAC-SM3 of the identity number under the federation key. */
class IdentityHasherTest {

    static final IdentityNumber WANG = IdentityNumber.of("110105198507219116");

    static byte[] key0to31() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    @Test
    void theHashIsHmacSm3AsAnotherImplementationComputesIt() {
        // OpenSSL through Python: hmac.new(bytes(range(32)), b"110105198507219116", "sm3").hexdigest()
        assertThat(new IdentityHasher(key0to31()).hash(WANG).value())
                .isEqualTo("1df1799dc139bd3fcce101bfc86966e19fad9246871e3d18c1bd1ee9bd201d4b");
    }

    @Test
    void everyCenterWithTheSameKeyGetsTheSameHashAndAnotherKeyAnother() {
        assertThat(new IdentityHasher(key0to31()).hash(WANG)).isEqualTo(new IdentityHasher(key0to31()).hash(WANG));
        assertThat(IdentityHasher.dev("federation").hash(WANG)).isNotEqualTo(new IdentityHasher(key0to31()).hash(WANG));
        assertThat(IdentityHasher.dev("federation").hash(WANG)).isEqualTo(IdentityHasher.dev("federation").hash(WANG));
    }

    @Test
    void aLowerCaseCheckCharacterHashesLikeTheUpperCaseOne() {
        IdentityHasher hasher = IdentityHasher.dev("federation");
        assertThat(hasher.hash(IdentityNumber.of("11010519491231002x")))
                .isEqualTo(hasher.hash(IdentityNumber.of("11010519491231002X")));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdentityHasher(new byte[16]));
    }
}
