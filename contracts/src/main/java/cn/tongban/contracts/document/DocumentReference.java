package cn.tongban.contracts.document;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reference to a scanned or electronic material held by the national platform (材料引用): what events carry in
 * place of the document itself. It names the document and fixes its content by digest, so the receiver fetches the
 * bytes from the platform's document API and can tell that they are the ones that were meant; no event ever
 * carries the bytes. A value, not an event: it has no type of its own and is embedded in event payloads.
 *
 * @param id the platform's document id
 * @param sm3 SM3 of the content (GB/T 32905), 64 lower-case hex digits: the digest the federation checks
 * @param sha256 SHA-256 of the content, 64 lower-case hex digits, for tools outside the federation
 * @param size the content's length in bytes
 * @param mediaType what the content is, by its bytes: {@code application/pdf}, {@code image/jpeg}, {@code image/png}
 *                  or {@code application/ofd}
 * @param uploader the center that uploaded it
 * @param caseId the cross-center case it belongs to; only the two centers of that case may read it
 * @param materialKind what it is for the case
 */
public record DocumentReference(String id, String sm3, String sha256, long size, String mediaType, CenterCode uploader,
                                CaseId caseId, MaterialKind materialKind) {

    /** The media types a reference may name: the document types the platform accepts. */
    public static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "application/ofd");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentReference {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a document id is 1 to 64 letters, digits and hyphens");
        }
        if (sm3 == null || !HEX_256.matcher(sm3).matches()) {
            throw new IllegalArgumentException("sm3 is 64 lower-case hex digits");
        }
        if (sha256 == null || !HEX_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
        }
        if (size < 1) {
            throw new IllegalArgumentException("a document has at least one byte");
        }
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("a document is one of " + MEDIA_TYPES + ", not " + mediaType);
        }
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(materialKind, "materialKind");
    }
}
