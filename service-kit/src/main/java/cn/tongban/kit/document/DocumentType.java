package cn.tongban.kit.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of scanned or electronic material (电子材料) the federation accepts, each recognised by its content
 * ({@link ContentSniffer}), never by its file name or the media type a client claims.
 */
public enum DocumentType {
    /** PDF, ISO 32000. */
    PDF("application/pdf"),
    /** JPEG (JFIF/EXIF), a photographed or scanned page. */
    JPEG("image/jpeg"),
    /** PNG, a scanned page. */
    PNG("image/png"),
    /** OFD (开放版式文档, GB/T 33190-2016): a ZIP package with {@code OFD.xml} at its root. */
    OFD("application/ofd");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose media type this is, ignoring case and parameters. */
    public static Optional<DocumentType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(bare)).findFirst();
    }
}
