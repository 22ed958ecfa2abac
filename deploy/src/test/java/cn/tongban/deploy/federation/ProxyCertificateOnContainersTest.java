package cn.tongban.deploy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.contracts.IdentityNumber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The proxy certificate flow on real images: Apache Kafka and a MongoDB replica set in containers, the
 * platform and two centers as in {@link ProxyCertificateFlowTest}. Runs where Docker exists; skipped
 * (not failed) where it does not, such as on the development machines and CI of this project.
 */
@Testcontainers(disabledWithoutDocker = true)
class ProxyCertificateOnContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    static Federation federation;

    @BeforeAll
    static void startFederation() {
        String replicaSet = MONGO.getReplicaSetUrl();
        String base = replicaSet.substring(0, replicaSet.lastIndexOf('/'));
        federation = new Federation(KAFKA.getBootstrapServers(), base, "tc_")
                .startPlatform().startCenter("110000").startCenter("310000");
    }

    @AfterAll
    static void stopFederation() {
        if (federation != null) {
            federation.close();
        }
    }

    @Test
    void theCertificateTravelsThroughRealKafkaAndMongo() {
        IdentityNumber person = People.identityNumber("110105", LocalDate.of(1988, 2, 29));
        federation.centerBean("110000", AccountStore.class)
                .insertAccounts(List.of(People.account(person, "孙悦", AccountState.NORMAL, 12)));
        String clerk = federation.token(federation.centerUrl("310000"), "sh-clerk-1", "COUNTER_CLERK", null);

        Federation.Response submitted = federation.submitProxyCertificate("310000", clerk, "110000", person.value(), "孙悦");
        assertThat(submitted.status()).isEqualTo(201);
        String caseId = submitted.body().get("id").asString();

        var result = federation.awaitCaseState(federation.centerUrl("310000"), clerk, caseId, "RESULT_SENT");
        assertThat(result.get("certificate").get("name").asString()).isEqualTo("孙悦");
        assertThat(federation.post(federation.centerUrl("310000") + "/api/v1/cases/" + caseId + "/handover", clerk, null).status())
                .isEqualTo(200);
        String operator = federation.token(federation.platformUrl(), "ops", "PLATFORM_OPERATOR", null);
        federation.awaitCaseState(federation.platformUrl(), operator, caseId, "COMPLETED");
    }
}
