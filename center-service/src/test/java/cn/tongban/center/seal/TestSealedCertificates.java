package cn.tongban.center.seal;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.kit.crypto.Sm2Keys;
import java.time.Clock;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.util.unit.DataSize;

/** The center's sealed certificates for tests of other capabilities: the dev seal key, the shipped font. */
public final class TestSealedCertificates {

    private TestSealedCertificates() {
    }

    public static SealedCertificates of(MongoOperations mongo, CenterProperties center, Clock clock) {
        CenterSeal seal = CenterSeal.selfIssued(center.code(), center.name(),
                Sm2Keys.devKeyPair("seal-center-" + center.code().value()), clock.instant());
        return new SealedCertificates(new CertificateRegister(mongo), new CertificatePdf(CjkFont.locate(null)),
                new PdfSealer(seal), new SealedPdfVerifier(Map.of(center.code(), seal.key().publicKey())), center,
                new SealProperties(null, null, null, null, "http://localhost:8081", Map.of(), DataSize.ofMegabytes(5)),
                clock);
    }
}
