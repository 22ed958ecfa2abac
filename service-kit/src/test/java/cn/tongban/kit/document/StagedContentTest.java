package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging: the whole content with its digests, or nothing at all. */
class StagedContentTest {

    @TempDir
    Path dir;

    @Test
    void stagedContentHasItsDigestsAndIsGoneWhenClosed() throws IOException {
        byte[] content = "abc".getBytes();
        Path file;
        try (StagedContent staged = StagedContent.stage(new ByteArrayInputStream(content), 3, dir)) {
            file = staged.file();
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
            assertThat(staged.digests().sm3()).isEqualTo(DigestsTest.SM3_ABC);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void contentOverTheLimitIsRefusedAndNoTemporaryFileRemains() throws IOException {

        assertThatThrownBy(() -> StagedContent.stage(new ByteArrayInputStream(new byte[1025]), 1024, dir))
                .isInstanceOf(ContentTooLargeException.class);

        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aStreamThatBreaksOffLeavesNothing() throws IOException {
        InputStream breaking = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > 100_000) {
                    throw new IOException("connection reset by peer");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> StagedContent.stage(breaking, 10_000_000, dir)).isInstanceOf(UncheckedIOException.class);

        assertThat(stagingFiles()).isEmpty();
    }

    private List<Path> stagingFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
