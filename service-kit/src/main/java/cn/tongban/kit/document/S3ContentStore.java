package cn.tongban.kit.document;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content in an S3-compatible object store (MinIO, Ceph RGW, a cloud's OSS with an S3 endpoint): one object per
 * document under {@code <prefix><key>} in one bucket. A PUT is atomic in S3 (an object appears whole or not at
 * all); a failed one is still followed by a DELETE, for stores that keep incomplete uploads visible.
 */
public class S3ContentStore implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(S3ContentStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ContentStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public void put(String key, StagedContent content, String mediaType) {
        if (exists(key)) {
            throw new ContentStoreException("document " + key + " already has content in bucket " + bucket);
        }
        PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(objectKey(key))
                .contentType(mediaType).contentLength(content.size())
                .metadata(Map.of("sm3", content.digests().sm3()))
                .build();
        try {
            s3.putObject(request, RequestBody.fromFile(content.file()));
        } catch (SdkException e) {
            removeQuietly(key);
            throw new ContentStoreException("cannot store document " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(objectKey(key)).build()));
        } catch (NoSuchKeyException notThere) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new ContentStoreException("cannot read document " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(objectKey(key)).build());
        } catch (SdkException e) {
            throw new ContentStoreException("cannot delete document " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(objectKey(key)).build());
            return true;
        } catch (NoSuchKeyException notThere) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new ContentStoreException("cannot look up document " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public String backend() {
        return "s3";
    }

    private String objectKey(String key) {
        return prefix + key;
    }

    private void removeQuietly(String key) {
        try {
            delete(key);
        } catch (ContentStoreException e) {
            log.error("could not remove a failed upload of document {} from bucket {}; remove it by hand", key, bucket, e);
        }
    }
}
