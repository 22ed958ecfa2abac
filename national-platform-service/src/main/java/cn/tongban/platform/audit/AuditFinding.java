package cn.tongban.platform.audit;

/**
 * Something the verifier found wrong with the audit log, at a sequence number, with the reason in words.
 *
 * @param seq the first sequence number the finding is about
 */
public record AuditFinding(long seq, Kind kind, String detail) {

    /** What is wrong. */
    public enum Kind {
        /**
         * A record's hash is not the hash of its fields, or not the hash its successor, the head or a signed
         * checkpoint committed to: its content was changed (possibly with the hash recomputed).
         */
        EDITED,
        /** A record sits at another position than the sequence number it was hashed with. */
        REORDERED,
        /** A sequence number has no record although later ones exist. */
        MISSING,
        /** A checkpoint's signature is not the platform's over its sequence number, hash and time. */
        BAD_CHECKPOINT,
        /** The log ends before the sequence number the chain head or a checkpoint says it reached. */
        TRUNCATED
    }

    @Override
    public String toString() {
        return kind + " at " + seq + ": " + detail;
    }
}
