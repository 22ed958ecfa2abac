package cn.tongban.kit.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.document-store.*}: where document content lives.
 *
 * @param backend {@code gridfs} (default: the service's own MongoDB) or {@code s3}
 * @param gridfs the GridFS bucket
 * @param s3 the S3-compatible store, used only when the backend is {@code s3}
 */
@Validated
@ConfigurationProperties("tongban.document-store")
public record DocumentStoreProperties(@NotNull @DefaultValue("gridfs") Backend backend,
                                      @Valid @DefaultValue Gridfs gridfs,
                                      @Valid @DefaultValue S3 s3) {

    public enum Backend { GRIDFS, S3 }

    /** @param bucket GridFS bucket name: collections {@code <bucket>.files} and {@code <bucket>.chunks} */
    public record Gridfs(@NotBlank @DefaultValue("documents") String bucket) {
    }

    /**
     * @param endpoint the store's URL, e.g. {@code https://minio.internal:9000}; empty means AWS itself
     * @param region the signing region (S3-compatible stores mostly accept any)
     * @param bucket the bucket, which must exist
     * @param prefix prepended to every object key, e.g. {@code platform/}
     * @param accessKey the access key id (from a secret); empty means the SDK's default credential chain
     * @param secretKey the secret access key (from a secret)
     * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), which MinIO and Ceph need
     */
    public record S3(URI endpoint, @DefaultValue("cn-north-1") String region, String bucket,
                     @DefaultValue("") String prefix, String accessKey, String secretKey,
                     @DefaultValue("true") boolean pathStyle) {
    }
}
