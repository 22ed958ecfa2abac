package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.kit.testing.SampleDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every content store does, whatever its backend; each backend's test supplies the store and a way to spoil it. */
abstract class ContentStoreContract {

    @TempDir
    Path dir;

    abstract ContentStore store();

    /** Changes one byte of the stored content behind the store's back, as a disk or an operator might. */
    abstract void flipAByteOf(String key);

    StagedContent staged(byte[] content) {
        return StagedContent.stage(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE, dir);
    }

    @Test
    void storedContentComesBackWholeAndVerified() throws IOException {
        byte[] pdf = SampleDocuments.pdf("round trip");
        try (StagedContent content = staged(pdf)) {
            store().put("doc-1", content, DocumentType.PDF.mediaType());
        }

        assertThat(store().exists("doc-1")).isTrue();
        try (InputStream in = store().open("doc-1").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        VerifiedRead.Outcome read = VerifiedRead.read(store(), "doc-1", Digests.of(pdf));
        assertThat(read).isInstanceOf(VerifiedRead.Intact.class);
        ((VerifiedRead.Intact) read).content().close();
    }

    @Test
    void nothingIsThereUnderAnUnknownKey() {
        assertThat(store().open("no-such-doc")).isEmpty();
        assertThat(store().exists("no-such-doc")).isFalse();
        assertThat(VerifiedRead.read(store(), "no-such-doc", Digests.of(new byte[] {1})))
                .isEqualTo(new VerifiedRead.Missing("no-such-doc"));
    }

    @Test
    void aTakenKeyIsNotOverwrittenAndKeepsItsContent() throws IOException {
        byte[] first = SampleDocuments.pdf("first");
        try (StagedContent content = staged(first)) {
            store().put("doc-2", content, DocumentType.PDF.mediaType());
        }

        try (StagedContent other = staged(SampleDocuments.png())) {
            assertThatThrownBy(() -> store().put("doc-2", other, DocumentType.PNG.mediaType()))
                    .isInstanceOf(ContentStoreException.class);
        }

        try (InputStream in = store().open("doc-2").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
    }

    @Test
    void deletedContentIsGone() {
        try (StagedContent content = staged(SampleDocuments.jpeg())) {
            store().put("doc-3", content, DocumentType.JPEG.mediaType());
        }

        store().delete("doc-3");
        store().delete("doc-3");

        assertThat(store().exists("doc-3")).isFalse();
        assertThat(store().open("doc-3")).isEmpty();
    }

    @Test
    void contentChangedInTheStoreIsCaughtOnRead() {
        byte[] png = SampleDocuments.png();
        try (StagedContent content = staged(png)) {
            store().put("doc-4", content, DocumentType.PNG.mediaType());
        }

        flipAByteOf("doc-4");

        VerifiedRead.Outcome read = VerifiedRead.read(store(), "doc-4", Digests.of(png));
        assertThat(read).isInstanceOf(VerifiedRead.Corrupted.class);
        assertThat(((VerifiedRead.Corrupted) read).found().sm3()).isNotEqualTo(Digests.of(png).sm3());
    }
}
