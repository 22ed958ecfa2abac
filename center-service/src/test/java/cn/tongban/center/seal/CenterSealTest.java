package cn.tongban.center.seal;

import static cn.tongban.center.seal.Certificates.BEIJING;
import static cn.tongban.center.seal.Certificates.BEIJING_NAME;
import static cn.tongban.center.seal.Certificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.kit.crypto.Sm2Keys;
import org.junit.jupiter.api.Test;

/** A center's seal: its key and a certificate for exactly that key, naming the center. */
class CenterSealTest {

    @Test
    void aSelfIssuedSealCertificateNamesTheCenterAndCarriesTheSealsKey() throws Exception {
        CenterSeal seal = Certificates.beijingSeal();

        assertThat(seal.certificate().getSubjectX500Principal().getName("RFC1779")).contains(BEIJING_NAME);
        assertThat(seal.certificate().getPublicKey().getEncoded()).isEqualTo(seal.key().publicKey().getEncoded());
        seal.certificate().checkValidity(java.util.Date.from(NOW));
        seal.certificate().verify(seal.key().publicKey(), CenterSeal.provider());
    }

    @Test
    void aConfiguredCertificateReadsBackFromItsPem() {
        CenterSeal seal = Certificates.beijingSeal();

        CenterSeal configured = new CenterSeal(BEIJING, BEIJING_NAME, seal.key(), CenterSeal.readCertificate(seal.certificatePem()));

        assertThat(configured.certificate()).isEqualTo(seal.certificate());
    }

    @Test
    void aCertificateForAnotherKeyIsRefusedAtStartUp() {
        CenterSeal other = CenterSeal.selfIssued(BEIJING, BEIJING_NAME, Sm2Keys.devKeyPair("someone-else"), NOW);

        assertThatThrownBy(() -> new CenterSeal(BEIJING, BEIJING_NAME, Certificates.beijingSeal().key(), other.certificate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not for the seal's key");
        assertThatThrownBy(() -> CenterSeal.readCertificate("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
