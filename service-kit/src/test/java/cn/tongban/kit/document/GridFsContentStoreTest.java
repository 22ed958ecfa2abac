package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.GridFsTampering;
import cn.tongban.kit.testing.SampleDocuments;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GridFS, the default backend, on the embedded MongoDB-wire server. */
class GridFsContentStoreTest extends ContentStoreContract {

    EmbeddedMongo mongo;
    GridFsContentStore store;

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo("documents_test");
        store = new GridFsContentStore(mongo.factory().getMongoDatabase(), "documents");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Override
    ContentStore store() {
        return store;
    }

    @Override
    void flipAByteOf(String key) {
        GridFsTampering.flipAByte(mongo.factory().getMongoDatabase(), "documents", key, 100);
    }

    @Test
    void contentLargerThanAChunkIsSplitAndJoinedAgain() {
        byte[] big = new byte[600 * 1024];
        new java.util.Random(3).nextBytes(big);
        try (StagedContent content = staged(big)) {
            store.put("big", content, "application/pdf");
        }

        long chunks = mongo.factory().getMongoDatabase().getCollection("documents.chunks")
                .countDocuments(Filters.eq("files_id", "big"));
        assertThat(chunks).isEqualTo(3);
        VerifiedRead.Outcome read = VerifiedRead.read(store, "big", Digests.of(big));
        assertThat(read).isInstanceOf(VerifiedRead.Intact.class);
        ((VerifiedRead.Intact) read).content().close();
    }

    @Test
    void theFilesDocumentNamesTheMediaTypeAndSm3() {
        byte[] ofd = SampleDocuments.ofd();
        try (StagedContent content = staged(ofd)) {
            store.put("ofd-1", content, DocumentType.OFD.mediaType());
        }

        Document file = mongo.factory().getMongoDatabase().getCollection("documents.files")
                .find(Filters.eq("_id", "ofd-1")).first();
        assertThat(file.get("metadata", Document.class).getString("contentType")).isEqualTo("application/ofd");
        assertThat(file.get("metadata", Document.class).getString("sm3")).isEqualTo(Digests.of(ofd).sm3());
    }
}
