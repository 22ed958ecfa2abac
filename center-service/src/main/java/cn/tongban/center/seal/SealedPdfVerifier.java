package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.contracts.CenterCode;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a center's electronic seal on a PDF from its bytes alone ({@link PdfSignature}: whole file covered, one DER
 * CMS), then that the CMS verifies over the signed ranges (SM3 digest, SM2 signature) with the public key of a known
 * center seal — the key configured here, never the certificate the PDF brings along.
 */
public final class SealedPdfVerifier {

    private final Map<CenterCode, PublicKey> seals;

    /** @param seals the seal keys of the centers whose certificates this center can check (its own among them) */
    public SealedPdfVerifier(Map<CenterCode, PublicKey> seals) {
        this.seals = Map.copyOf(seals);
    }

    public SealCheck check(byte[] pdf) {
        PdfSignature.Result read = PdfSignature.read(pdf);
        if (read.problem() != null) {
            return SealCheck.failed(read.problem().outcome(), read.problem().detail());
        }
        PdfSignature signature = read.signature();
        Optional<Map.Entry<CenterCode, PublicKey>> known = knownSeal(signature.certificate().getPublicKey());
        if (known.isEmpty()) {
            return SealCheck.failed(SealCheck.Outcome.UNKNOWN_SEAL, "the signer is no center seal known here");
        }
        if (!signature.verifiesWith(known.get().getValue())) {
            return SealCheck.failed(SealCheck.Outcome.ALTERED, "the seal's signature does not match the signed bytes");
        }
        return new SealCheck(SealCheck.Outcome.INTACT, known.get().getKey(),
                signature.info().get(CertificatePdf.INFO_VERIFICATION_CODE), signature.signedAt(), null);
    }

    private Optional<Map.Entry<CenterCode, PublicKey>> knownSeal(PublicKey claimed) {
        byte[] key = claimed.getEncoded();
        return seals.entrySet().stream().filter(seal -> Arrays.equals(seal.getValue().getEncoded(), key)).findFirst();
    }
}
