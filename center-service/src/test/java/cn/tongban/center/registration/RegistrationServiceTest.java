package cn.tongban.center.registration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.Employer;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.web.ApiProblem;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Employer registration against a wire-compatible MongoDB, Beijing's bundled policy and a stubbed market regulation. */
class RegistrationServiceTest {

    static final String HAIDIAN = "91110108MA01A2B32G";
    static final String HAIDIAN_NAME = "北京海淀示例科技有限公司";
    static final String REVOKED = "91110105MA00XY912J";
    static final String PILOT = "91350100M000100Y42";
    static final String PILOT_NAME = "福州试点示例有限公司";
    static final String UNKNOWN = "92440106MA5D0K1L25";

    WireMockServer departments;
    EmbeddedMongo mongo;
    RegistrationService service;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

    @BeforeEach
    void setUp() {
        departments = new WireMockServer(wireMockConfig().dynamicPort());
        departments.start();
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)).willReturn(okJson(
                licence(HAIDIAN, HAIDIAN_NAME, "ACTIVE", true))));
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + REVOKED)).willReturn(okJson(
                licence(REVOKED, "北京朝阳示例餐饮管理有限公司", "REVOKED", false))));
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + PILOT)).willReturn(okJson(
                licence(PILOT, PILOT_NAME, "ACTIVE", true))));
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + UNKNOWN)).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"LICENCE_NOT_FOUND\",\"detail\":\"none\"}")));
        mongo = new EmbeddedMongo("registration_test");
        AccountStore accounts = new AccountStore(mongo.template());
        service = new RegistrationService(new RegistrationStore(mongo.template(), accounts),
                TestDepartments.marketRegulation(departments.baseUrl()), PolicyLoader.loadBundled(CenterCode.of("110000")),
                clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
        departments.stop();
    }

    static String licence(String code, String name, String status, boolean valid) {
        return """
                {"creditCode": "%s", "enterpriseName": "%s", "enterpriseType": "有限责任公司", "legalRepresentative": "王建国",
                 "establishedOn": "2018-03-12", "status": "%s",
                 "electronicLicence": {"licenceId": "EL%s", "valid": %s}}
                """.formatted(code, name, status, code, valid);
    }

    static EmployerApplication application(String code, String name, String unitRate, String personalRate) {
        return new EmployerApplication(code, name, "王建国", "北京市海淀区中关村大街27号8层801",
                new EmployerApplication.Contact("李娜", "010-62345678"), new BigDecimal(unitRate),
                new BigDecimal(personalRate), "0200004509200123456");
    }

    static OneFormRecord oneForm(String code, String name) {
        return new OneFormRecord(code, name, "王建国", "北京市海淀区中关村大街27号8层801", LocalDate.of(2026, 11, 20),
                "李娜", "13800138000", new BigDecimal("12"), new BigDecimal("12"), "0200004509200123456");
    }

    private long employers() {
        return mongo.template().getCollection(AccountStore.EMPLOYERS).countDocuments();
    }

    @Test
    void aValidActiveLicenceOpensTheAccountWithANewNumberAndTheWholeHistory() {
        RegistrationCase opened = service.register(application(HAIDIAN, HAIDIAN_NAME, "12", "12"), "agent-1");

        assertThat(opened.state()).isEqualTo(RegistrationState.OPENED);
        assertThat(opened.accountNumber()).isEqualTo("11000000000001");
        assertThat(opened.reviewFlags()).isEmpty();
        assertThat(opened.establishedOn()).isEqualTo(LocalDate.of(2018, 3, 12));
        assertThat(opened.history()).extracting(StateChange::state).containsExactly(RegistrationState.SUBMITTED,
                RegistrationState.LICENCE_VERIFIED, RegistrationState.OPENED);
        assertThat(service.registrationCase(opened.id())).contains(opened);

        Employer employer = mongo.template().findOne(Query.query(Criteria.where("accountNumber").is("11000000000001")),
                Employer.class, AccountStore.EMPLOYERS);
        assertThat(employer.creditCode()).isEqualTo(CreditCode.of(HAIDIAN));
        assertThat(employer.name()).isEqualTo(HAIDIAN_NAME);
        assertThat(employer.unitRate()).isEqualByComparingTo("12");
        assertThat(employer.bankAccount()).isEqualTo("0200004509200123456");
        assertThat(service.employer("11000000000001")).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo("01");
            assertThat(e.registrationCaseId()).isEqualTo(opened.id());
            assertThat(e.openedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        });
    }

    @Test
    void theSameCreditCodeTwiceIsAConflictAndOpensNoSecondAccount() {
        service.register(application(HAIDIAN, HAIDIAN_NAME, "12", "12"), "agent-1");

        assertThatThrownBy(() -> service.register(application(HAIDIAN, HAIDIAN_NAME, "10", "10"), "agent-2"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.code()).isEqualTo(RegistrationService.ALREADY_REGISTERED);
                });
        assertThat(employers()).isEqualTo(1);
    }

    @Test
    void aRevokedLicenceIsRefusedWithItsReasonAndTheCaseIsKeptAsRejected() {
        assertThatThrownBy(() -> service.register(application(REVOKED, "北京朝阳示例餐饮管理有限公司", "12", "12"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo(RegistrationService.LICENCE_NOT_ACTIVE);
                    assertThat(problem.getMessage()).contains("吊销");
                });
        assertThat(employers()).isZero();
        List<Document> cases = mongo.template().findAll(Document.class, RegistrationStore.CASES);
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.getString("state")).isEqualTo("REJECTED");
            assertThat(c.getString("reasonCode")).isEqualTo(RegistrationService.LICENCE_NOT_ACTIVE);
            assertThat(c.getList("history", Document.class)).extracting(h -> h.getString("state"))
                    .containsExactly("SUBMITTED", "REJECTED");
        });
    }

    @Test
    void aNameThatDiffersFromTheLicenceIsRefused() {
        assertThatThrownBy(() -> service.register(application(HAIDIAN, "北京海淀示范科技有限公司", "12", "12"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo(RegistrationService.NAME_MISMATCH);
                    assertThat(problem.getMessage()).contains(HAIDIAN_NAME);
                });
        assertThat(employers()).isZero();
    }

    @Test
    void bracketsAndBlanksDoNotMakeANameDifferent() {
        assertThat(RegistrationService.sameName("北京示例（海淀）科技有限公司", "北京示例(海淀) 科技有限公司")).isTrue();
        assertThat(RegistrationService.sameName("北京示例科技有限公司", "北京示例科技公司")).isFalse();
    }

    @Test
    void anActiveEnterpriseWhoseElectronicLicenceFailsItsCheckIsRefused() {
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)).willReturn(okJson(
                licence(HAIDIAN, HAIDIAN_NAME, "ACTIVE", false))));

        assertThatThrownBy(() -> service.register(application(HAIDIAN, HAIDIAN_NAME, "12", "12"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo(RegistrationService.ELECTRONIC_LICENCE_INVALID);
                });
        assertThat(employers()).isZero();
    }

    @Test
    void anUnregisteredEnterpriseIsRefused() {
        assertThatThrownBy(() -> service.register(application(UNKNOWN, "广州示例有限公司", "12", "12"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo(RegistrationService.LICENCE_NOT_FOUND);
                });
    }

    @Test
    void ratesOutsideThePolicyRangeAreRefusedWithoutAskingTheDepartment() {
        assertThatThrownBy(() -> service.register(application(HAIDIAN, HAIDIAN_NAME, "4", "12"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.code()).isEqualTo("UNIT_RATE_OUT_OF_RANGE");
                });
        assertThatThrownBy(() -> service.register(application(HAIDIAN, HAIDIAN_NAME, "12", "13"), "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem ->
                        assertThat(problem.code()).isEqualTo("PERSONAL_RATE_OUT_OF_RANGE"));
        departments.verify(0, getRequestedFor(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)));
        assertThat(employers()).isZero();
    }

    @Test
    void aPilotAreaCodeConfirmedByTheDepartmentIsOpenedAndFlaggedForManualReview() {
        assertThat(CreditCode.problemWith(PILOT)).isPresent();

        RegistrationCase opened = service.register(application(PILOT, PILOT_NAME, "8", "8"), "clerk-1");

        assertThat(opened.state()).isEqualTo(RegistrationState.OPENED);
        assertThat(opened.reviewFlags()).extracting(ReviewFlag::code).containsExactly(RegistrationService.MANUAL_REVIEW);
        Document stored = mongo.template().findOne(Query.query(Criteria.where("accountNumber").is(opened.accountNumber())),
                Document.class, AccountStore.EMPLOYERS);
        assertThat(stored.getString("creditCode")).isEqualTo(PILOT);
        assertThat(stored.getList("reviewFlags", Document.class)).extracting(d -> d.getString("code"))
                .containsExactly(RegistrationService.MANUAL_REVIEW);
    }

    @Test
    void theSameOneFormRecordTwiceOpensOneAccount() {
        RegistrationService.Intake first = service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform");
        RegistrationService.Intake second = service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform");

        assertThat(first.created()).isTrue();
        assertThat(first.registrationCase().state()).isEqualTo(RegistrationState.OPENED);
        assertThat(first.registrationCase().channel()).isEqualTo(Channel.ONE_FORM);
        assertThat(first.registrationCase().establishedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(second.created()).isFalse();
        assertThat(second.registrationCase()).isEqualTo(first.registrationCase());
        assertThat(employers()).isEqualTo(1);
        assertThat(mongo.template().getCollection(RegistrationStore.CASES).countDocuments()).isEqualTo(1);
        departments.verify(1, getRequestedFor(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)));
    }

    @Test
    void theSameOneFormRecordSentInParallelOpensOneAccount() throws Exception {
        int requests = 4;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistrationService.Intake>> results = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform");
                }));
            }
            start.countDown();
            Set<String> accountNumbers = new HashSet<>();
            for (Future<RegistrationService.Intake> result : results) {
                try {
                    accountNumbers.add(result.get().registrationCase().accountNumber());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(ApiProblem.class, problem ->
                            assertThat(problem.code()).isEqualTo(RegistrationService.CASE_IN_PROGRESS));
                }
            }
            assertThat(accountNumbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(employers()).isEqualTo(1);
        assertThat(mongo.template().getCollection(RegistrationStore.CASES).countDocuments()).isEqualTo(1);
        RegistrationService.Intake after = service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform");
        assertThat(after.registrationCase().state()).isEqualTo(RegistrationState.OPENED);
    }

    @Test
    void aRefusedOneFormRecordSentAgainGetsTheSameRefusal() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> service.registerOneForm(oneForm(REVOKED, "北京朝阳示例餐饮管理有限公司"), "platform"))
                    .isInstanceOfSatisfying(ApiProblem.class, problem ->
                            assertThat(problem.code()).isEqualTo(RegistrationService.LICENCE_NOT_ACTIVE));
        }
        assertThat(mongo.template().getCollection(RegistrationStore.CASES).countDocuments()).isEqualTo(1);
        departments.verify(1, getRequestedFor(urlPathEqualTo("/market-regulation/v1/licences/" + REVOKED)));
    }

    @Test
    void aOneFormCaseLeftSubmittedByADepartmentOutageIsTakenUpAgain() {
        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)).willReturn(aResponse()
                .withStatus(503)));
        assertThatThrownBy(() -> service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform"))
                .isInstanceOf(ApiProblem.class);
        assertThat(employers()).isZero();

        departments.stubFor(get(urlPathEqualTo("/market-regulation/v1/licences/" + HAIDIAN)).willReturn(okJson(
                licence(HAIDIAN, HAIDIAN_NAME, "ACTIVE", true))));
        RegistrationService.Intake retried = service.registerOneForm(oneForm(HAIDIAN, HAIDIAN_NAME), "platform");

        assertThat(retried.registrationCase().state()).isEqualTo(RegistrationState.OPENED);
        assertThat(employers()).isEqualTo(1);
        assertThat(mongo.template().getCollection(RegistrationStore.CASES).countDocuments()).isEqualTo(1);
    }

    @Test
    void anAccountNumberAlreadyTakenByAnImportIsSkipped() {
        new AccountStore(mongo.template()).insertEmployers(List.of(new Employer("11000000000001",
                CreditCode.of("91310115MA1K4D5E0T"), "上海浦东示例贸易有限公司", new BigDecimal("7"), new BigDecimal("7"), null)));

        RegistrationCase opened = service.register(application(HAIDIAN, HAIDIAN_NAME, "12", "12"), "agent-1");

        assertThat(opened.accountNumber()).isEqualTo("11000000000002");
        assertThat(employers()).isEqualTo(2);
    }
}
