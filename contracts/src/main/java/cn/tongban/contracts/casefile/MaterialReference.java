package cn.tongban.contracts.casefile;

import java.util.Objects;

/**
 * A reference to one scanned application material (申请材料) held by the center that scanned it: what it is,
 * where the other center can fetch it, and its SM3 digest to check what it fetched. Never the bytes.
 *
 * @param documentId the document's id in the holder's document store
 * @param name what the material is, e.g. 购房合同
 * @param sm3 the SM3 digest of the document, 64 lower-case hex digits
 */
public record MaterialReference(String documentId, String name, String sm3) {

    public MaterialReference {
        if (documentId == null || documentId.isBlank() || documentId.length() > 128) {
            throw new IllegalArgumentException("a material names its document id (up to 128 characters)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a material says what it is");
        }
        Objects.requireNonNull(sm3, "sm3");
        if (!sm3.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an SM3 digest is 64 lower-case hex digits");
        }
    }
}
