package cn.tongban.platform.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A checkpoint of the audit log (审计检查点): the platform's SM2 signature over the hash of the record at
 * {@code seq}, made at {@code time}. The signed bytes are
 * <pre>
 * UTF-8( "tongban-audit-checkpoint\n" "seq=" seq "\n" "hash=" hash "\n" "time=" time "\n" )
 * </pre>
 * with {@code seq} in decimal, {@code hash} as 64 lower-case hex digits and {@code time} in the canonical
 * time format; the signature is base64 DER (SM3withSM2, user id 1234567812345678).
 *
 * @param key fingerprint of the public key that signed, for people reading the report; the verifier never
 *            trusts it, it checks against the platform key it was configured with
 */
public record AuditCheckpoint(long seq, String hash, String time, String signature, String key) {

    public AuditCheckpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
    }

    /** The bytes the platform signs for a checkpoint. */
    public static byte[] signedBytes(long seq, String hash, String time) {
        return ("tongban-audit-checkpoint\nseq=" + seq + "\nhash=" + hash + "\ntime=" + time + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(seq, hash, time);
    }
}
