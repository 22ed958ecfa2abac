package cn.tongban.kit.document;

import com.mongodb.MongoException;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.InputStream;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content in GridFS (the default): the two collections {@code <bucket>.files} and {@code <bucket>.chunks} of the
 * service's own database, the file's {@code _id} being the key. Written by the driver in 255 KiB chunks and then
 * one files document; a write that fails part-way has its chunks removed, so a key either has its whole content
 * or none. Works the same on a replica set and on the embedded server used locally.
 */
public class GridFsContentStore implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(GridFsContentStore.class);

    private final GridFSBucket bucket;
    private final String bucketName;

    public GridFsContentStore(MongoDatabase database, String bucketName) {
        this.bucket = GridFSBuckets.create(database, bucketName);
        this.bucketName = bucketName;
    }

    @Override
    public void put(String key, StagedContent content, String mediaType) {
        if (exists(key)) {
            // Never upload under a taken key: the driver's clean-up of a failed upload would remove the chunks of
            // the content already there.
            throw new ContentStoreException("document " + key + " already has content in GridFS bucket " + bucketName);
        }
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(new Document("contentType", mediaType).append("sm3", content.digests().sm3()));
        try (InputStream in = content.open()) {
            bucket.uploadFromStream(new BsonString(key), key, in, options);
        } catch (Exception e) {
            removeQuietly(key);
            throw new ContentStoreException("cannot store document " + key + " in GridFS bucket " + bucketName, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(bucket.openDownloadStream(new BsonString(key)));
        } catch (MongoGridFSException notThere) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        removeQuietly(key);
    }

    @Override
    public boolean exists(String key) {
        return bucket.find(Filters.eq("_id", key)).first() != null;
    }

    @Override
    public String backend() {
        return "gridfs";
    }

    private void removeQuietly(String key) {
        try {
            bucket.delete(new BsonString(key));
        } catch (MongoGridFSException notThere) {
            // Deleting by id also removes orphan chunks when the files document is missing; nothing else to do.
        } catch (MongoException e) {
            log.error("could not remove the content of document {} from GridFS bucket {}; remove it by hand", key,
                    bucketName, e);
        }
    }
}
