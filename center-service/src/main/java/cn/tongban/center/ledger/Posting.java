package cn.tongban.center.ledger;

import java.util.Objects;

/**
 * What the ledger answers when asked to post an entry (记账): posted, with the ledger that now holds it,
 * or refused with a stable reason code and a text a clerk can read out. A refusal is an answer, not an error.
 */
public sealed interface Posting {

    /** Whether the entry was posted. */
    default boolean isPosted() {
        return this instanceof Posted;
    }

    /** Posted: {@code ledger} is the ledger with {@code entry} added; the ledger asked is unchanged. */
    record Posted(Ledger ledger, LedgerEntry entry) implements Posting {

        public Posted {
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Not posted.
     *
     * @param reasonCode stable and machine-readable, e.g. {@code INSUFFICIENT_BALANCE}
     * @param reason in Chinese, for the clerk
     */
    record Refused(String reasonCode, String reason) implements Posting {

        public Refused {
            if (reasonCode == null || !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a reason code is upper-case letters, digits and _");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal gives its reason");
            }
        }
    }
}
