package cn.tongban.kit.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Content copied to a temporary file while it was digested (暂存): it is checked there — size, type, digest —
 * before anything reaches a store, so a refused or broken upload leaves nothing behind. Closing deletes the file.
 */
public final class StagedContent implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final Digests digests;

    private StagedContent(Path file, Digests digests) {
        this.file = file;
        this.digests = digests;
    }

    /**
     * Copies a stream to a temporary file, computing its digests, and refuses it as soon as it passes
     * {@code maxBytes}: the stream is not read further and the file is deleted.
     *
     * @throws ContentTooLargeException past the limit
     * @throws UncheckedIOException if the stream breaks off or the disk fails (the file is deleted)
     */
    public static StagedContent stage(InputStream content, long maxBytes) {
        return stage(content, maxBytes, null);
    }

    /** As {@link #stage(InputStream, long)}, in the given directory ({@code null}: the system's temporary one). */
    public static StagedContent stage(InputStream content, long maxBytes, Path directory) {
        Path file;
        try {
            file = directory == null ? Files.createTempFile("tongban-doc-", ".part")
                    : Files.createTempFile(directory, "tongban-doc-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging file", e);
        }
        DigestingInputStream in = new DigestingInputStream(content);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (in.size() > maxBytes) {
                    throw new ContentTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("the content broke off while it was received", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return new StagedContent(file, in.digests());
    }

    /** Stages bytes held in memory (tests, small files). */
    public static StagedContent stage(byte[] content) {
        return stage(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    public Path file() {
        return file;
    }

    public Digests digests() {
        return digests;
    }

    public long size() {
        return digests.size();
    }

    /** What the content is, by its bytes. */
    public Sniffed sniff() {
        return ContentSniffer.sniff(file);
    }

    /** A fresh stream of the content, for the caller to close. */
    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged content", e);
        }
    }

    /**
     * A stream of the content that deletes the staged file when it is closed: for handing the content to a response
     * body, which closes the stream once it is written.
     */
    public InputStream openForServing() {
        return new java.io.FilterInputStream(open()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    StagedContent.this.close();
                }
            }
        };
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(Objects.requireNonNull(file));
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }
}
