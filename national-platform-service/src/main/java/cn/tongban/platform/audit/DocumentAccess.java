package cn.tongban.platform.audit;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A read of a document held by the platform (文档调阅记录), granted or refused, as the audit log records it: in
 * the same hash chain as the relayed events, so the verifier covers it and a removed or edited read is found like
 * any other record. It is written as a {@link CanonicalForm} of the platform's own making — source
 * {@value Envelope#PLATFORM_SOURCE}, type {@value #READ} or {@value #REFUSED}, subject the case, origin the reading
 * center — whose data names the document and its SM3, never its content. It is never published on Kafka.
 *
 * @param accessId unique per read: the record's event id
 * @param documentId the document read
 * @param part what was read: {@value #CONTENT} or {@value #REFERENCE}
 * @param caseId the case the document belongs to
 * @param sm3 the document's SM3 as recorded at upload
 * @param reader the token subject of the reader
 * @param readerCenter the reader's center code, or empty for a platform operator
 * @param granted whether the read was allowed
 * @param reason why it was refused ({@code NOT_A_PARTY}…), or empty
 * @param at when
 */
public record DocumentAccess(String accessId, String documentId, String part, String caseId, String sm3,
                             String reader, String readerCenter, boolean granted, String reason, Instant at) {

    public static final String READ = "tongban.platform.document-read.v1";
    public static final String REFUSED = "tongban.platform.document-read-refused.v1";
    public static final String CONTENT = "content";
    public static final String REFERENCE = "reference";

    public DocumentAccess {
        Objects.requireNonNull(accessId, "accessId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sm3, "sm3");
        Objects.requireNonNull(reader, "reader");
        readerCenter = readerCenter == null ? "" : readerCenter;
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(at, "at");
    }

    /** The canonical form the audit log hashes. */
    public CanonicalForm toCanonicalForm() {
        String data = "{\"documentId\":" + quoted(documentId) + ",\"part\":" + quoted(part)
                + ",\"sm3\":" + quoted(sm3) + ",\"reader\":" + quoted(reader)
                + ",\"readerCenter\":" + quoted(readerCenter) + ",\"granted\":" + granted
                + ",\"reason\":" + quoted(reason) + "}";
        return CanonicalForm.of(Envelope.SPEC_VERSION, accessId, Envelope.PLATFORM_SOURCE, granted ? READ : REFUSED,
                caseId, at, "application/json", null, readerCenter, data.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
