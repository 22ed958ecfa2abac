package cn.tongban.kit.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads a document back from its store and checks it against the digests recorded when it came in (读取校验),
 * before a single byte is handed on: content that changed in the store — a flipped bit, a replaced object, a
 * truncated chunk — is refused, never served.
 */
public final class VerifiedRead {

    private VerifiedRead() {
    }

    /** What a read found. */
    public sealed interface Outcome permits Intact, Missing, Corrupted {
    }

    /** The content as recorded, staged for serving; the caller closes it. */
    public record Intact(StagedContent content) implements Outcome {
    }

    /** The store has nothing under the key. */
    public record Missing(String key) implements Outcome {
    }

    /** The store holds other bytes than were recorded; nothing was kept. */
    public record Corrupted(String key, Digests expected, Digests found) implements Outcome {
    }

    /**
     * Stages the content under {@code key} and compares its digests with {@code expected}.
     *
     * @throws ContentStoreException if the store cannot be read
     */
    public static Outcome read(ContentStore store, String key, Digests expected) {
        Objects.requireNonNull(expected, "expected");
        InputStream in = store.open(key).orElse(null);
        if (in == null) {
            return new Missing(key);
        }
        StagedContent staged;
        try (in) {
            // One byte over the recorded size is enough to know it is not the recorded content.
            staged = StagedContent.stage(in, expected.size() + 1);
        } catch (ContentTooLargeException longer) {
            return new Corrupted(key, expected, null);
        } catch (IOException | UncheckedIOException e) {
            throw new ContentStoreException("cannot read document " + key + " from the " + store.backend() + " store", e);
        }
        if (!staged.digests().sameContentAs(expected)) {
            Digests found = staged.digests();
            staged.close();
            return new Corrupted(key, expected, found);
        }
        return new Intact(staged);
    }
}
