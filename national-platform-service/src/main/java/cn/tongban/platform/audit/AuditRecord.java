package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.kit.crypto.Sm3;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of the audit log (审计记录): which event the platform relayed, from whom to whom, when, the SM3
 * of the event's {@link CanonicalForm canonical bytes}, and its place in the hash chain.
 *
 * <p>Every field is kept as the exact string that is hashed; an absent attribute is the empty string. The
 * record's hash is
 * <pre>
 * hash = SM3( prev || UTF-8( "seq=" seq "\n" "id=" eventId "\n" "type=" type "\n" "source=" source "\n"
 *                            "subject=" subject "\n" "tbdest=" destination "\n" "tborigin=" origin "\n"
 *                            "time=" time "\n" "recorded=" recordedAt "\n" "event-sm3=" eventSm3 "\n" ) )
 * </pre>
 * where {@code prev} is the 32 raw bytes of the previous record's hash (32 zero bytes for record 1),
 * {@code seq} is decimal, {@code time} and {@code recordedAt} are in the canonical time format of
 * {@link CanonicalForm#formatTime(Instant)}, and hashes are written as 64 lower-case hex digits.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param time the event's {@code ce_time}, or empty
 * @param recordedAt when the platform appended the record
 * @param eventSm3 hex SM3 of the event's canonical bytes
 * @param prevHash hex hash of record {@code seq - 1} ({@link #GENESIS} for record 1)
 * @param hash hex hash of this record, as defined above
 */
public record AuditRecord(long seq, String eventId, String type, String source, String subject, String destination,
                          String origin, String time, String recordedAt, String eventSm3, String prevHash,
                          String hash) {

    /** The "previous hash" of the first record: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(eventSm3, "eventSm3");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The record that follows {@code prevHash} at {@code seq}, for an event as it was relayed. */
    public static AuditRecord of(long seq, String prevHash, CanonicalForm event, Instant recordedAt) {
        String time = event.time() == null ? "" : CanonicalForm.formatTime(event.time());
        String eventSm3 = Sm3.hex(event.toBytes());
        String recorded = CanonicalForm.formatTime(recordedAt);
        String hash = hashOf(seq, prevHash, event.id(), event.type(), event.source(), event.subject(),
                event.destination(), event.origin(), time, recorded, eventSm3);
        return new AuditRecord(seq, event.id(), event.type(), event.source(), event.subject(), event.destination(),
                event.origin(), time, recorded, eventSm3, prevHash, hash);
    }

    /** The hash these fields ought to have; differs from {@link #hash()} when a field was changed. */
    public String expectedHash() {
        return hashOf(seq, prevHash, eventId, type, source, subject, destination, origin, time, recordedAt, eventSm3);
    }

    /** Whether the stored hash is the hash of the stored fields. */
    public boolean selfConsistent() {
        return hash.equals(expectedHash());
    }

    private static String hashOf(long seq, String prevHash, String eventId, String type, String source,
                                 String subject, String destination, String origin, String time, String recordedAt,
                                 String eventSm3) {
        byte[] prev;
        try {
            prev = Sm3.fromHex(prevHash);
        } catch (IllegalArgumentException e) {
            prev = prevHash.getBytes(StandardCharsets.UTF_8);
        }
        String fields = "seq=" + seq + "\n"
                + "id=" + eventId + "\n"
                + "type=" + type + "\n"
                + "source=" + source + "\n"
                + "subject=" + subject + "\n"
                + "tbdest=" + destination + "\n"
                + "tborigin=" + origin + "\n"
                + "time=" + time + "\n"
                + "recorded=" + recordedAt + "\n"
                + "event-sm3=" + eventSm3 + "\n";
        return Sm3.toHex(Sm3.digest(prev, fields.getBytes(StandardCharsets.UTF_8)));
    }
}
