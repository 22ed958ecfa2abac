package cn.tongban.kit.document;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where document bytes live (文档内容存储), by key: GridFS in the service's own MongoDB by default, or an
 * S3-compatible object store, chosen by {@code tongban.document-store.backend}. It holds bytes only; what they
 * are, whose they are and their digests are the caller's records. Keys are the caller's document ids: one key,
 * one content, written once.
 *
 * <p>{@link #put} either stores the whole content or nothing: a put that fails part-way removes what it wrote
 * before it throws.
 */
public interface ContentStore {

    /**
     * Stores the staged content under a new key.
     *
     * @throws ContentStoreException if the key is taken or the store fails (nothing of the content is left)
     */
    void put(String key, StagedContent content, String mediaType);

    /** The content under the key, for the caller to close; empty if there is none. */
    Optional<InputStream> open(String key);

    /** Removes the content under the key; nothing happens if there is none. */
    void delete(String key);

    boolean exists(String key);

    /** Which backend this is, for logs and health ({@code gridfs}, {@code s3}). */
    String backend();
}
