package cn.tongban.contracts.joint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to one scanned application material (申请材料扫描件) held in a document store: what travels between
 * centers instead of the file, so the receiver can fetch it and check it is the same bytes.
 *
 * <p>Defined here for joint handling until the shared {@code cn.tongban.contracts.document.DocumentReference}
 * lands; the fields are the same (id, digest, size, media type, material kind).
 *
 * @param id the document's id in the store
 * @param digest SM3 of the bytes, 64 lower-case hex digits
 * @param size bytes, positive
 * @param mediaType e.g. {@code application/pdf}, {@code image/jpeg}
 * @param materialKind what the material is, e.g. {@code PURCHASE_CONTRACT} (购房合同), {@code ID_CARD} (身份证),
 *        {@code INVOICE} (购房发票), {@code BANK_CARD} (银行卡)
 */
public record MaterialReference(String id, String digest, long size, String mediaType, String materialKind) {

    private static final Pattern SM3_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public MaterialReference {
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("a material reference names its document (1 to 100 characters)");
        }
        if (digest == null || !SM3_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("a material's digest is SM3 as 64 lower-case hex digits");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("a material has a positive size: " + size);
        }
        Objects.requireNonNull(mediaType, "mediaType");
        if (!mediaType.matches("[a-z]+/[a-z0-9.+-]+")) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        if (materialKind == null || !KIND.matcher(materialKind).matches()) {
            throw new IllegalArgumentException("a material kind is upper case, e.g. PURCHASE_CONTRACT");
        }
    }
}
