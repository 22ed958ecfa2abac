package cn.tongban.kit.document;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The {@link ContentStore} of a service, by {@code tongban.document-store.backend}: GridFS over the service's
 * MongoDB unless {@code s3} is chosen. A service that declares its own ContentStore bean keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties(DocumentStoreProperties.class)
public class DocumentStoreConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tongban.document-store.backend", havingValue = "gridfs", matchIfMissing = true)
    static class GridFs {

        @Bean
        @ConditionalOnMissingBean(ContentStore.class)
        ContentStore gridFsContentStore(MongoDatabaseFactory mongo, DocumentStoreProperties properties) {
            return new GridFsContentStore(mongo.getMongoDatabase(), properties.gridfs().bucket());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tongban.document-store.backend", havingValue = "s3")
    static class S3 {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(S3Client.class)
        S3Client documentS3Client(DocumentStoreProperties properties) {
            return s3Client(properties.s3());
        }

        @Bean
        @ConditionalOnMissingBean(ContentStore.class)
        ContentStore s3ContentStore(S3Client s3, DocumentStoreProperties properties) {
            if (properties.s3().bucket() == null || properties.s3().bucket().isBlank()) {
                throw new IllegalStateException("tongban.document-store.s3.bucket is required when the backend is s3");
            }
            return new S3ContentStore(s3, properties.s3().bucket(), properties.s3().prefix());
        }
    }

    /**
     * An S3 client for the settings. Checksums are sent and checked only where S3 requires them: the SDK's newer
     * default (a CRC trailer on every upload) is not understood by every S3-compatible store, and the content is
     * SM3-checked by the caller anyway.
     */
    public static S3Client s3Client(DocumentStoreProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DocumentStoreProperties.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
}
