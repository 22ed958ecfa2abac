package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.kit.testing.SampleDocuments;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3-compatible backend through the real AWS SDK v2 client over HTTP, against {@link FakeS3}, an in-process
 * fake of the S3 API (not a real S3 or MinIO: where Docker exists, the same contract could run on MinIO).
 */
class S3ContentStoreTest extends ContentStoreContract {

    FakeS3 fake;
    S3Client client;
    S3ContentStore store;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeS3("tongban-docs");
        client = DocumentStoreConfiguration.s3Client(new DocumentStoreProperties.S3(fake.endpoint(), "cn-north-1",
                "tongban-docs", "platform/", "test-access", "test-secret", true));
        store = new S3ContentStore(client, "tongban-docs", "platform/");
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Override
    ContentStore store() {
        return store;
    }

    @Override
    void flipAByteOf(String key) {
        byte[] object = fake.objects.get("platform/" + key);
        object[object.length / 2] ^= 0x01;
    }

    @Test
    void objectsAreKeptUnderThePrefixWithTheirExactBytes() {
        byte[] ofd = SampleDocuments.ofd();
        try (StagedContent content = staged(ofd)) {
            store.put("ofd-1", content, DocumentType.OFD.mediaType());
        }

        assertThat(fake.objects).containsOnlyKeys("platform/ofd-1");
        assertThat(fake.objects.get("platform/ofd-1")).isEqualTo(ofd);
    }

    @Test
    void aFailedUploadLeavesNoObjectBehind() {
        fake.failPuts = true;

        try (StagedContent content = staged(SampleDocuments.pdf())) {
            assertThatThrownBy(() -> store.put("doc-x", content, DocumentType.PDF.mediaType()))
                    .isInstanceOf(ContentStoreException.class);
        }

        assertThat(fake.objects).isEmpty();
        assertThat(fake.requests).contains("DELETE /tongban-docs/platform/doc-x");
    }
}
