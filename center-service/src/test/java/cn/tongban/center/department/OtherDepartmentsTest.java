package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Identity verification, market regulation and the real-estate registry: their answers, and their garbled ones. */
class OtherDepartmentsTest {

    static final IdentityNumber ZHANG = IdentityNumber.of("11010519491231002X");

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Nested
    class IdentityVerification {

        IdentityVerificationClient client = TestDepartments.identity(departments.baseUrl());

        @Test
        void aMatchingName() {
            departments.stubFor(post("/identity/v1/verify").willReturn(okJson("""
                    {"requestId": "r-1", "identityNumber": "11010519491231002X", "result": "MATCH"}""")));

            IdentityCheck check = client.verify(ZHANG, "张三");

            assertThat(check).isEqualTo(new IdentityCheck(ZHANG, IdentityCheck.Result.MATCH, "r-1"));
            assertThat(check.matches()).isTrue();
        }

        @Test
        void theRegisterSaysWhyANameDoesNotMatch() {
            departments.stubFor(post("/identity/v1/verify").willReturn(okJson("""
                    {"identityNumber": "11010519491231002X", "result": "NO_MATCH", "reason": "NAME_MISMATCH"}""")));

            IdentityCheck check = client.verify(ZHANG, "李四");

            assertThat(check.result()).isEqualTo(IdentityCheck.Result.NAME_MISMATCH);
            assertThat(check.result().chinese()).isEqualTo("姓名与身份号码不符");
        }

        @Test
        void aResultTheRegisterDoesNotHaveIsGarbled() {
            departments.stubFor(post("/identity/v1/verify").willReturn(okJson("""
                    {"identityNumber": "11010519491231002X", "result": "PROBABLY"}""")));

            assertThat(catchThrowableOfType(() -> client.verify(ZHANG, "张三"), DepartmentAnswerGarbled.class).reason())
                    .isEqualTo("身份核验服务的应答无法识别（字段 result 的值无效：\"PROBABLY\"），请稍后再试或转人工核验");
        }

        @Test
        void aPostThatOnlyAsksIsTriedAgain() {
            departments.stubFor(post("/identity/v1/verify").willReturn(serverError()));

            DepartmentUnavailable failure = catchThrowableOfType(() -> client.verify(ZHANG, "张三"), DepartmentUnavailable.class);

            assertThat(failure.reasonCode()).isEqualTo("SERVER_ERROR");

            departments.verify(TestDepartments.QUERY_ATTEMPTS, postRequestedFor(urlPathEqualTo("/identity/v1/verify")));
        }
    }

    @Nested
    class MarketRegulation {

        /** Fails the GB 11714 check of its organisation code, as codes of some pilot areas do: asked all the same. */
        static final String HAIDIAN = "91110108MA01A2B3CF";
        static final CreditCode VALID = CreditCode.of("91110108MA01A2B32G");

        MarketRegulationClient client = TestDepartments.marketRegulation(departments.baseUrl());

        @Test
        void anActiveEnterpriseWithAValidLicence() {
            departments.stubFor(get("/market-regulation/v1/licences/91110108MA01A2B3CF").willReturn(okJson("""
                    {"creditCode": "91110108MA01A2B3CF", "enterpriseName": "北京海淀示例科技有限公司",
                     "enterpriseType": "有限责任公司", "legalRepresentative": "王建国", "establishedOn": "2018-03-12",
                     "status": "ACTIVE", "electronicLicence": {"licenceId": "EL91110108MA01A2B3CF", "valid": true}}""")));

            BusinessLicence licence = client.licence(HAIDIAN).orElseThrow();

            assertThat(licence).isEqualTo(new BusinessLicence(HAIDIAN, "北京海淀示例科技有限公司", "有限责任公司",
                    "王建国", LocalDate.of(2018, 3, 12), BusinessLicence.Status.ACTIVE, "EL91110108MA01A2B3CF", true));
            assertThat(licence.isInGoodStanding()).isTrue();
            assertThat(licence.creditCodeProblem()).contains("the organisation code's check character does not match (GB 11714)");
        }

        @Test
        void aCheckedCreditCodeIsAskedAsItIs() {
            departments.stubFor(get("/market-regulation/v1/licences/" + VALID.value()).willReturn(okJson("""
                    {"creditCode": "%s", "enterpriseName": "北京示例有限公司", "status": "ACTIVE"}""".formatted(VALID.value()))));

            BusinessLicence licence = client.licence(VALID).orElseThrow();

            assertThat(licence.creditCodeProblem()).isEmpty();
            assertThat(licence.isInGoodStanding()).as("no electronic licence").isFalse();
        }

        @Test
        void aRevokedLicenceIsNotInGoodStanding() {
            departments.stubFor(get("/market-regulation/v1/licences/91110108MA01A2B3CF").willReturn(okJson("""
                    {"creditCode": "91110108MA01A2B3CF", "enterpriseName": "北京海淀示例科技有限公司", "status": "REVOKED",
                     "electronicLicence": {"licenceId": "EL91110108MA01A2B3CF", "valid": false}}""")));

            BusinessLicence licence = client.licence(HAIDIAN).orElseThrow();

            assertThat(licence.status()).isEqualTo(BusinessLicence.Status.REVOKED);
            assertThat(licence.isInGoodStanding()).isFalse();
        }

        @Test
        void anUnregisteredCodeHasNoLicence() {
            departments.stubFor(get("/market-regulation/v1/licences/91110108MA01A2B3CF").willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/problem+json").withBody("{\"code\": \"LICENCE_NOT_FOUND\"}")));

            assertThat(client.licence(HAIDIAN)).isEmpty();
        }

        @Test
        void anAnswerWithoutTheEnterpriseNameIsGarbled() {
            departments.stubFor(get("/market-regulation/v1/licences/91110108MA01A2B3CF").willReturn(okJson("""
                    {"creditCode": "91110108MA01A2B3CF", "status": "ACTIVE"}""")));

            assertThat(catchThrowableOfType(() -> client.licence(HAIDIAN), DepartmentAnswerGarbled.class).reasonCode())
                    .isEqualTo("FIELD_MISSING");
        }
    }

    @Nested
    class RealEstateRegistry {

        static final PurchaseQuery QUERY = new PurchaseQuery(ZHANG, "张三", "WQ-2025-123456");

        RealEstateRegistryClient client = TestDepartments.realEstate(departments.baseUrl());

        @Test
        void aRegisteredPurchaseWithItsPriceAndBuyers() {
            departments.stubFor(post("/real-estate/v1/purchases/verify").willReturn(okJson("""
                    {"verified": true, "contractNumber": "WQ-2025-123456", "registrationNumber": "RE-WQ-2025-123456",
                     "transactionType": "NEW_COMMERCIAL_HOUSING", "contractSignedOn": "2025-09-18", "registeredOn": "2025-10-10",
                     "totalPriceFen": 286000000, "floorAreaSquareMetres": 89.5,
                     "buyers": [{"identityNumber": "11010519491231002X", "name": "张三", "share": "100%"}]}""")));

            assertThat(client.verify(QUERY)).isEqualTo(new PurchaseVerification.Verified("WQ-2025-123456",
                    "RE-WQ-2025-123456", "NEW_COMMERCIAL_HOUSING", LocalDate.of(2025, 9, 18), LocalDate.of(2025, 10, 10),
                    Money.parse("2860000.00"), new BigDecimal("89.5"),
                    List.of(new PurchaseVerification.RegisteredBuyer("11010519491231002X", "张三", "100%"))));
        }

        @Test
        void anUnconfirmedPurchaseSaysWhyInTheClerksWords() {
            departments.stubFor(post("/real-estate/v1/purchases/verify").willReturn(okJson("""
                    {"verified": false, "contractNumber": "WQ-2025-123456", "reason": "BUYER_MISMATCH"}""")));

            assertThat(client.verify(QUERY)).isEqualTo(new PurchaseVerification.NotVerified("BUYER_MISMATCH", "申请人不是该合同的买受人"));
        }

        @Test
        void aPurchaseWithoutAPriceIsGarbled() {
            departments.stubFor(post("/real-estate/v1/purchases/verify").willReturn(okJson("""
                    {"verified": true, "contractNumber": "WQ-2025-123456", "registrationNumber": "RE-1",
                     "contractSignedOn": "2025-09-18", "buyers": []}""")));

            assertThat(catchThrowableOfType(() -> client.verify(QUERY), DepartmentAnswerGarbled.class).reason())
                    .contains("totalPriceFen");
        }
    }
}
