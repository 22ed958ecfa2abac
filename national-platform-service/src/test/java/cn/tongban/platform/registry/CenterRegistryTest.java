package cn.tongban.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The registry in the platform's database: sized for every center of the country, joining, suspension. */
class CenterRegistryTest {

    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");

    EmbeddedMongo mongo;
    List<CenterCode> provisioned = new ArrayList<>();
    CenterRegistry registry;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo("registry_test");
        registry = newReplica();
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        registry.seed(new RegistryProperties(List.of(
                new RegistryProperties.Center(CenterCode.of("110000"), "北京住房公积金管理中心", "北京市", true, null),
                new RegistryProperties.Center(CenterCode.of("310000"), "上海市公积金管理中心", "上海市", true, null))), local);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private CenterRegistry newReplica() {
        return new CenterRegistry(mongo.template(), provisioned::add, Clock.systemUTC());
    }

    /** 341 distinct city-level codes: every province prefix with city codes 01, 02, … */
    static List<CenterCode> cities(int count) {
        List<CenterCode> codes = new ArrayList<>();
        for (int city = 1; codes.size() < count; city++) {
            for (String province : PROVINCES) {
                if (codes.size() < count) {
                    codes.add(CenterCode.of(province + "%02d00".formatted(city)));
                }
            }
        }
        return codes;
    }

    @Test
    void everyCenterOfTheCountryCanJoinAndGetsItsTopics() {
        List<CenterCode> codes = cities(341);
        for (CenterCode code : codes) {
            registry.register(code, "住房公积金管理中心 " + code, "省 " + code.value().substring(0, 2),
                    Sm2Keys.encodePublicKey(Sm2Keys.devKeyPair("center-" + code).publicKey()));
        }

        assertThat(registry.all()).hasSize(2 + 341);
        assertThat(provisioned).containsExactlyElementsOf(codes);
        assertThat(registry.active(codes.get(340))).get().extracting(RegisteredCenter::publicKey)
                .isEqualTo(Sm2Keys.devKeyPair("center-" + codes.get(340)).publicKey());
        assertThat(newReplica()).satisfies(replica -> {
            replica.reload();
            assertThat(replica.all()).hasSize(343);
        });
    }

    @Test
    void aCenterCannotJoinTwiceNorWithAKeyThatIsNone() {
        assertThatThrownBy(() -> registry.register(CenterCode.of("110000"), "again", "北京市",
                Sm2Keys.encodePublicKey(Sm2Keys.devKeyPair("x").publicKey())))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("ALREADY_REGISTERED"));
        assertThatThrownBy(() -> registry.register(CenterCode.of("120000"), "天津", "天津市", "not-a-key"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.fields()).extracting(ApiProblem.FieldProblem::field)
                        .containsExactly("publicKey"));
    }

    @Test
    void aSuspendedCenterIsNotActiveForAnyReplicaUntilResumed() {
        registry.suspend(CenterCode.of("310000"), "密钥泄露，待更换");
        assertThat(registry.active(CenterCode.of("310000"))).isEmpty();
        assertThat(registry.find(CenterCode.of("310000"))).isPresent();

        CenterRegistry other = newReplica();
        other.reload();
        assertThat(other.active(CenterCode.of("310000"))).as("another replica after its refresh").isEmpty();

        registry.resume(CenterCode.of("310000"));
        other.reload();
        assertThat(other.active(CenterCode.of("310000"))).isPresent();
    }

    @Test
    void seedingAgainKeepsWhatOperatorsChanged() {
        registry.suspend(CenterCode.of("110000"), "维护");
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        CenterRegistry restarted = newReplica();
        restarted.seed(new RegistryProperties(List.of(
                new RegistryProperties.Center(CenterCode.of("110000"), "北京住房公积金管理中心", "北京市", true, null))), local);
        assertThat(restarted.active(CenterCode.of("110000"))).isEmpty();
    }
}
