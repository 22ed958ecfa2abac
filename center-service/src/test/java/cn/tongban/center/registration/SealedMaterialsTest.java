package cn.tongban.center.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.center.account.AccountStore;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** An e-sealed registration material is kept once when its seal verifies, and nothing is kept when it does not. */
class SealedMaterialsTest {

    private EmbeddedMongo embedded;
    private MongoOperations mongo;
    private SealedMaterials materials;

    @BeforeEach
    void setUp() {
        embedded = new EmbeddedMongo("sealed_materials");
        mongo = embedded.template();
        RegistrationStore store = new RegistrationStore(mongo, new AccountStore(mongo));
        store.insert(RegistrationCase.submitted("RC-1", Channel.ONLINE, new EmployerApplication(EmployerSeals.CREDIT_CODE,
                "北京海淀示例科技有限公司", "王建国", "北京市海淀区中关村大街27号", new EmployerApplication.Contact("李娜", "010-62345678"),
                new BigDecimal("12"), new BigDecimal("12"), "0200004509200123456"), null, "new-agent", EmployerSeals.SIGNED));
        materials = new SealedMaterials(store, mongo, new EmployerSealProperties(List.of(), "employer-seal-authority",
                DataSize.ofMegabytes(5)), local(),
                Clock.fixed(EmployerSeals.SIGNED.plusSeconds(30), ZoneOffset.UTC));
    }

    private static MockEnvironment local() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("local");
        return environment;
    }

    @AfterEach
    void tearDown() {
        embedded.close();
    }

    @Test
    void theSameSealedFormSentTwiceIsOneMaterial() throws Exception {
        byte[] form = EmployerSeals.sealedForm();

        SealedMaterial first = materials.accept("RC-1", "单位登记开户申请表", "form.pdf", form, "new-agent");
        SealedMaterial again = materials.accept("RC-1", "单位登记开户申请表", "form.pdf", form, "new-agent");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), SealedMaterials.COLLECTION)).isEqualTo(1);
        assertThat(first.creditCode()).isEqualTo(EmployerSeals.CREDIT_CODE);
        assertThat(first.pdf()).isEqualTo(form);
    }

    @Test
    void aRefusedMaterialLeavesNothingBehind() throws Exception {
        byte[] altered = EmployerSeals.sealedForm();
        altered[altered.length / 3] ^= 0x01;

        assertThatThrownBy(() -> materials.accept("RC-1", "单位登记开户申请表", "form.pdf", altered, "new-agent"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).code()).isEqualTo(EmployerSealCheck.SEAL_BROKEN));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), SealedMaterials.COLLECTION)).isZero();
    }

    @Test
    void aMaterialForNoSuchCaseIsNotFound() {
        assertThatThrownBy(() -> materials.accept("RC-404", "表", "form.pdf", new byte[] {1}, "new-agent"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).code()).isEqualTo("NO_SUCH_REGISTRATION"));
    }
}
