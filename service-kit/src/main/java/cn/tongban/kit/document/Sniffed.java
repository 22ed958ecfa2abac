package cn.tongban.kit.document;

import java.util.Objects;

/** What {@link ContentSniffer} made of some content: one of the accepted types, or a refusal with its reason. */
public sealed interface Sniffed permits Sniffed.Recognised, Sniffed.Refused {

    /** The content is a well-formed document of this type. */
    record Recognised(DocumentType type) implements Sniffed {
        public Recognised {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The content is none of the accepted types, or is damaged.
     *
     * @param looksLike what the content appears to be, in a word ({@code exe}, {@code zip}, {@code unknown}…)
     * @param reason why it is refused, in words a clerk understands
     */
    record Refused(String looksLike, String reason) implements Sniffed {
        public Refused {
            Objects.requireNonNull(looksLike, "looksLike");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
