package cn.tongban.center.seal;

import cn.tongban.contracts.CenterCode;
import java.time.Instant;

/**
 * What the bytes of a PDF say about its electronic seal, before any register is asked.
 *
 * @param issuer the center whose seal signed it, when the signature is one of a known seal
 * @param verificationCode the code printed on it, read from the signed document information
 * @param signedAt the signing time in the signature's signed attributes
 * @param detail why, in a sentence, when it is not {@link Outcome#INTACT}
 */
public record SealCheck(Outcome outcome, CenterCode issuer, String verificationCode, Instant signedAt, String detail) {

    public enum Outcome {
        /** Not a readable PDF at all. */
        NOT_A_PDF,
        /** A PDF without a signature. */
        NOT_SEALED,
        /** Signed, but the bytes are not what was signed, or the signature does not cover the whole file. */
        ALTERED,
        /** Signed and unaltered, but by a key that is no center seal known here. */
        UNKNOWN_SEAL,
        /** Signed by a known center seal over every byte of the file but the signature. */
        INTACT
    }

    static SealCheck failed(Outcome outcome, String detail) {
        return new SealCheck(outcome, null, null, null, detail);
    }
}
