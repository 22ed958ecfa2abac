package cn.tongban.kit.document;

import static org.assertj.core.api.Assertions.assertThat;
import cn.tongban.kit.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The content store a service gets, by {@code tongban.document-store.backend}. */
class DocumentStoreConfigurationTest {

    final EmbeddedMongo mongo = new EmbeddedMongo("store_configuration_test");

    final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DocumentStoreConfiguration.class))
            .withBean(MongoDatabaseFactory.class, () -> mongo.factory());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void gridFsUnlessToldOtherwise() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(ContentStore.class);
            assertThat(context.getBean(ContentStore.class)).isInstanceOf(GridFsContentStore.class);
        });
    }

    @Test
    void s3WhenChosenWithItsBucketAndAnEmptyEndpointMeaningAws() {
        contexts.withPropertyValues("tongban.document-store.backend=s3", "tongban.document-store.s3.bucket=docs",
                        "tongban.document-store.s3.endpoint=", "tongban.document-store.s3.access-key=a",
                        "tongban.document-store.s3.secret-key=b")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ContentStore.class)).isInstanceOf(S3ContentStore.class);
                    assertThat(context.getBean(ContentStore.class).backend()).isEqualTo("s3");
                });
    }

    @Test
    void s3WithoutABucketStopsStartUp() {
        contexts.withPropertyValues("tongban.document-store.backend=s3", "tongban.document-store.s3.bucket=")
                .run(context -> assertThat(context).hasFailed());
    }
}
