package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.contracts.IdentityNumber;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ServerSocket;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

/**
 * The social-security client, and with it what every department client does when the department is slow, failing,
 * garbled or unreachable.
 */
class SocialSecurityClientTest {

    static final IdentityNumber RETIRED = IdentityNumber.of("11010519491231002X");
    static final String PATH = "/social-security/v1/retirements/" + RETIRED.value();

    @RegisterExtension
    static WireMockExtension department = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    SocialSecurityClient client;

    @BeforeEach
    void client() {
        client = TestDepartments.socialSecurity(department.baseUrl());
    }

    @Test
    void aRetiredPersonComesWithTheRetirementDateOfTheRecord() {
        department.stubFor(get(PATH).willReturn(okJson("""
                {"identityNumber": "11010519491231002X", "retired": true, "retirementType": "NORMAL",
                 "retirementDate": "2009-12-31", "pensionStatus": "PAYING", "queriedAt": "2026-11-25T08:00:00Z"}""")));

        RetirementRecord record = client.retirementOf(RETIRED);

        assertThat(record).isEqualTo(new RetirementRecord.Retired(LocalDate.of(2009, 12, 31), "NORMAL", "PAYING"));
        assertThat(record.retirementDate()).contains(LocalDate.of(2009, 12, 31));
    }

    @Test
    void someoneStillContributingHasNoRetirementDate() {
        department.stubFor(get(PATH).willReturn(okJson("""
                {"identityNumber": "11010519491231002X", "retired": false, "insuranceStatus": "CONTRIBUTING"}""")));

        RetirementRecord record = client.retirementOf(RETIRED);

        assertThat(record).isEqualTo(new RetirementRecord.NotRetired("CONTRIBUTING"));
        assertThat(record.retirementDate()).isEmpty();
    }

    @Test
    void someoneNeverInsuredIsAnAnswerNotAnError() {
        department.stubFor(get(PATH).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\": 404, \"code\": \"PERSON_NOT_INSURED\", \"detail\": \"No pension insurance record\"}")));

        assertThat(client.retirementOf(RETIRED)).isEqualTo(new RetirementRecord.NotInsured());
    }

    @Test
    void aSlowAnswerIsATimeoutAfterTheReadTimeoutAndTheQueryIsTriedAgain() {
        department.stubFor(get(PATH).willReturn(okJson("{\"identityNumber\": \"11010519491231002X\", \"retired\": false,"
                + " \"insuranceStatus\": \"CONTRIBUTING\"}").withFixedDelay(slow())));

        DepartmentUnavailable failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentUnavailable.class);

        assertThat(failure.reasonCode()).isEqualTo("TIMEOUT");
        assertThat(failure.requestMayHaveArrived()).isTrue();
        assertThat(failure.reason()).startsWith("社保服务在 " + TestDepartments.READ_TIMEOUT.toSeconds() + " 秒内没有应答");
        department.verify(TestDepartments.QUERY_ATTEMPTS, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aSlowAnswerOnceIsAnsweredByTheSecondAttempt() {
        department.stubFor(get(PATH).inScenario("slow once").whenScenarioStateIs("Started").willSetStateTo("recovered")
                .willReturn(okJson("{}").withFixedDelay(slow())));
        department.stubFor(get(PATH).inScenario("slow once").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"identityNumber\": \"11010519491231002X\", \"retired\": false, \"insuranceStatus\": \"CONTRIBUTING\"}")));

        assertThat(client.retirementOf(RETIRED)).isEqualTo(new RetirementRecord.NotRetired("CONTRIBUTING"));
        department.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void repeatedServerErrorsOpenTheBreakerAndThenCallsFailFastWithoutReachingTheDepartment() {
        department.stubFor(get(urlPathMatching("/social-security/.*")).willReturn(serverError()));

        // each call is tried twice, each attempt counts: two calls fill the window with failures
        for (int call = 0; call < TestDepartments.BREAKER_WINDOW / TestDepartments.QUERY_ATTEMPTS; call++) {
            DepartmentUnavailable failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentUnavailable.class);
            assertThat(failure.reasonCode()).isEqualTo("SERVER_ERROR");
        }
        department.verify(TestDepartments.BREAKER_WINDOW, getRequestedFor(urlPathMatching("/social-security/.*")));

        DepartmentUnavailable fastFailure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentUnavailable.class);

        assertThat(fastFailure.reasonCode()).isEqualTo("CIRCUIT_OPEN");
        assertThat(fastFailure.requestMayHaveArrived()).isFalse();
        assertThat(fastFailure.reason()).isEqualTo("社保服务近期多次无法访问，已暂停调用，请稍后再试");
        department.verify(TestDepartments.BREAKER_WINDOW, getRequestedFor(urlPathMatching("/social-security/.*")));
    }

    @Test
    void anAnswerThatIsNotJsonIsGarbledAndNotTriedAgain() {
        department.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("<html>gateway maintenance</html>")));

        DepartmentAnswerGarbled failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentAnswerGarbled.class);

        assertThat(failure.reasonCode()).isEqualTo("NOT_JSON");
        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.code()).isEqualTo(DepartmentAnswerGarbled.CODE);
        department.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aMissingFieldIsGarbledAndNamed() {
        department.stubFor(get(PATH).willReturn(okJson("{\"identityNumber\": \"11010519491231002X\", \"retirementDate\": \"2009-12-31\"}")));

        DepartmentAnswerGarbled failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentAnswerGarbled.class);

        assertThat(failure.reasonCode()).isEqualTo("FIELD_MISSING");
        assertThat(failure.reason()).isEqualTo("社保服务的应答无法识别（缺少字段 retired），请稍后再试或转人工核验");
    }

    @Test
    void aMalformedFieldIsGarbledAndNamed() {
        department.stubFor(get(PATH).willReturn(okJson("""
                {"identityNumber": "11010519491231002X", "retired": true, "retirementDate": "31.12.2009"}""")));

        DepartmentAnswerGarbled failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentAnswerGarbled.class);

        assertThat(failure.reasonCode()).isEqualTo("FIELD_INVALID");
        assertThat(failure.reason()).contains("retirementDate").contains("31.12.2009");
    }

    @Test
    void anAnswerAboutSomeoneElseIsNeverTakenForThePersonAsked() {
        department.stubFor(get(PATH).willReturn(okJson("""
                {"identityNumber": "110101197001019993", "retired": true, "retirementDate": "2030-01-01"}""")));

        DepartmentAnswerGarbled failure = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentAnswerGarbled.class);

        assertThat(failure.reasonCode()).isEqualTo("WRONG_SUBJECT");
    }

    @Test
    void garbledAnswersCountAgainstTheBreaker() {
        department.stubFor(get(PATH).willReturn(okJson("{\"unexpected\": true}")));

        for (int call = 0; call < TestDepartments.BREAKER_WINDOW; call++) {
            catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentAnswerGarbled.class);
        }

        assertThat(catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentUnavailable.class).reasonCode())
                .isEqualTo("CIRCUIT_OPEN");
    }

    @Test
    void aRefusalOfOurRequestIsNeitherRetriedNorCountedAgainstTheDepartment() {
        department.stubFor(get(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\": \"MALFORMED_IDENTITY_NUMBER\", \"detail\": \"The identity number must be 17 digits and a digit or X\"}")));

        for (int call = 0; call < TestDepartments.BREAKER_WINDOW * 2; call++) {
            DepartmentRefusedRequest refused = catchThrowableOfType(() -> client.retirementOf(RETIRED), DepartmentRefusedRequest.class);
            assertThat(refused.reasonCode()).isEqualTo("MALFORMED_IDENTITY_NUMBER");
            assertThat(refused.departmentStatus()).isEqualTo(400);
        }

        department.verify(TestDepartments.BREAKER_WINDOW * 2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUnreachableDepartmentIsUnavailableAndCertainlyNeverSawTheRequest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SocialSecurityClient unreachable = new SocialSecurityClient(
                TestDepartments.http(Department.SOCIAL_SECURITY, "http://127.0.0.1:" + closedPort),
                TestDepartments.queries(Department.SOCIAL_SECURITY));

        DepartmentUnavailable failure = catchThrowableOfType(() -> unreachable.retirementOf(RETIRED), DepartmentUnavailable.class);

        assertThat(failure.reasonCode()).isEqualTo("CONNECTION_FAILED");
        assertThat(failure.requestMayHaveArrived()).isFalse();
        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failure.reason()).isEqualTo("无法连接社保服务，请稍后再试");
    }

    @Test
    void theBreakerStaysClosedWhileTheDepartmentAnswers() {
        department.stubFor(get(PATH).willReturn(okJson("""
                {"identityNumber": "11010519491231002X", "retired": false, "insuranceStatus": "CONTRIBUTING"}""")));
        DepartmentGuard guard = TestDepartments.queries(Department.SOCIAL_SECURITY);
        SocialSecurityClient guarded = new SocialSecurityClient(
                TestDepartments.http(Department.SOCIAL_SECURITY, department.baseUrl()), guard);

        for (int call = 0; call < TestDepartments.BREAKER_WINDOW * 2; call++) {
            guarded.retirementOf(RETIRED);
        }

        assertThat(guard.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** Well beyond the read timeout. */
    static int slow() {
        return (int) TestDepartments.READ_TIMEOUT.toMillis() * 3;
    }
}
