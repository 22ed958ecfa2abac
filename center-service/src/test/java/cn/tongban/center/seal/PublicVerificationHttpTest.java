package cn.tongban.center.seal;

import static cn.tongban.center.seal.Certificates.BEIJING;
import static cn.tongban.center.seal.Certificates.NOW;
import static cn.tongban.center.seal.Certificates.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.certificate.CertificatePdf;
import cn.tongban.center.certificate.PrintedCertificate;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.center.crosscenter.CenterCase;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.web.WebConfiguration;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public verification endpoint over real HTTP (a Tomcat on a random port), as a bank clerk with curl would use it:
 * a genuine, an altered, a revoked and an unknown certificate; and the sealed PDF as the applicant downloads it.
 */
@SpringBootTest(classes = PublicVerificationHttpTest.Center.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=center", "tongban.seal.verification-base-url=https://gjj.example.cn"})
@ActiveProfiles("local")
class PublicVerificationHttpTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("seal_http");
    static final String APPLICANT = "110105198507219116";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            MultipartAutoConfiguration.class, ValidationAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            SecurityConfiguration.class, WebConfiguration.class})
    @EnableConfigurationProperties({CenterProperties.class, SealProperties.class})
    @Import({SealConfiguration.class, CertificateRegister.class, SealedCertificates.class, CaseStore.class,
            PublicVerificationController.class, SealedCertificateController.class})
    static class Center {

        @Bean
        MongoOperations mongo() {
            return MONGO.template();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SealedCertificates certificates;

    @Autowired
    MongoOperations mongo;

    @MockitoBean
    JwtDecoder jwtDecoder;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void tokens() {
        when(jwtDecoder.decode(anyString())).thenAnswer(call -> {
            String token = call.getArgument(0);
            return switch (token) {
                case "reviewer" -> jwt(token, "bj-reviewer-01", "REVIEWER", null);
                case "clerk" -> jwt(token, "bj-clerk-01", "COUNTER_CLERK", null);
                case "applicant" -> jwt(token, "wang", "EMPLOYEE", APPLICANT);
                default -> jwt(token, "someone", "EMPLOYEE", "310101199001011237");
            };
        });
    }

    @Test
    void aGenuineCertificateIsGenuineByCodeAndByFile() throws Exception {
        IssuedCertificate issued = certificates.contributionUse("310000-20261125-000101", Certificates.contributionUse());

        JsonNode byCode = getJson("/public/v1/certificates/" + issued.verificationCode(), 200);
        assertThat(byCode.path("verdict").asString()).isEqualTo("GENUINE");
        assertThat(byCode.path("authentic").asBoolean()).isTrue();
        assertThat(byCode.path("revoked").asBoolean()).isFalse();
        assertThat(byCode.path("issuer").path("code").asString()).isEqualTo("110000");
        assertThat(byCode.path("issuer").path("name").asString()).isEqualTo("北京住房公积金管理中心");
        assertThat(byCode.path("sm3").asString()).isEqualTo(issued.sm3());
        assertThat(byCode.toString()).as("no personal data in a public answer").doesNotContain("王建国", APPLICANT);

        JsonNode byFile = postPdf(issued.pdf(), 200);
        assertThat(byFile.path("verdict").asString()).isEqualTo("GENUINE");
        assertThat(byFile.path("unaltered").asBoolean()).isTrue();
        assertThat(byFile.path("verificationCode").asString()).isEqualTo(issued.verificationCode());

        assertThat(postMultipart(issued.pdf(), 200).path("verdict").asString()).isEqualTo("GENUINE");
        assertThat(issued.verificationCode()).matches(SealedCertificates.CODE.pattern());
    }

    @Test
    void anAlteredCertificateIsAltered() throws Exception {
        IssuedCertificate issued = certificates.loanRepaid("310000-20261125-000102", Certificates.loanRepaid());
        byte[] altered = issued.pdf().clone();
        altered[altered.length / 4] ^= 0x01;

        JsonNode answer = postPdf(altered, 200);

        assertThat(answer.path("verdict").asString()).isEqualTo("ALTERED");
        assertThat(answer.path("unaltered").asBoolean()).isFalse();
        assertThat(answer.path("detail").asString()).isNotBlank();
    }

    @Test
    void aRevokedCertificateIsRevokedWithItsReasonAndOnlyAReviewerRevokes() throws Exception {
        IssuedCertificate issued = certificates.completionReceipt(Certificates.completionReceipt());
        String revoke = "/api/v1/certificates/" + issued.verificationCode() + "/revoke";
        String body = "{\"reason\": \"申请人信息有误，已重新出具\"}";

        assertThat(post(revoke, body, null).statusCode()).isEqualTo(401);
        assertThat(post(revoke, body, "clerk").statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = post(revoke, body, "reviewer");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).path("revokedBy").asString()).isEqualTo("bj-reviewer-01");
        assertThat(post(revoke, body, "reviewer").statusCode()).isEqualTo(409);

        JsonNode byCode = getJson("/public/v1/certificates/" + issued.verificationCode(), 200);
        assertThat(byCode.path("verdict").asString()).isEqualTo("REVOKED");
        assertThat(byCode.path("revoked").asBoolean()).isTrue();
        assertThat(byCode.path("revocationReason").asString()).isEqualTo("申请人信息有误，已重新出具");
        assertThat(postPdf(issued.pdf(), 200).path("verdict").asString()).isEqualTo("REVOKED");
    }

    @Test
    void anUnknownCertificateIsUnknown() throws Exception {
        assertThat(getJson("/public/v1/certificates/ABCD-EFGH-JKMN-PQRS-TVWX", 200).path("verdict").asString())
                .isEqualTo("UNKNOWN");

        // sealed, but with a key that is no center's seal
        CenterSeal forger = CenterSeal.selfIssued(BEIJING, "北京住房公积金管理中心", Sm2Keys.devKeyPair("forger"), NOW);
        byte[] forged = new PdfSealer(forger).seal(new CertificatePdf(CjkFont.locate(null)).render(
                PrintedCertificate.of(Certificates.contributionUse()), "ABCD-EFGH-JKMN-PQRS-TVWX", "https://x", NOW), NOW);
        JsonNode answer = postPdf(forged, 200);
        assertThat(answer.path("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(answer.path("authentic").asBoolean()).isFalse();

        assertThat(postPdf("not a pdf".getBytes(StandardCharsets.UTF_8), 200).path("verdict").asString())
                .isEqualTo("NOT_SEALED");
        JsonNode problem = getJson("/public/v1/certificates/guess", 400);
        assertThat(problem.path("code").asString()).isEqualTo("INVALID_VERIFICATION_CODE");
    }

    @Test
    void anotherCentersSealIsRecognisedButItsRevocationIsForItToSay() throws Exception {
        CenterSeal shanghai = CenterSeal.selfIssued(SHANGHAI, "上海市公积金管理中心", Sm2Keys.devKeyPair("seal-center-310000"), NOW);
        byte[] pdf = new PdfSealer(shanghai).seal(new CertificatePdf(CjkFont.locate(null)).render(
                PrintedCertificate.of(Certificates.completionReceipt(), "021-12329"), "ABCD-EFGH-JKMN-PQRS-TVWY", "https://x", NOW), NOW);

        JsonNode answer = postPdf(pdf, 200);

        assertThat(answer.path("verdict").asString()).isEqualTo("ISSUED_ELSEWHERE");
        assertThat(answer.path("issuer").path("code").asString()).isEqualTo("310000");
        assertThat(answer.path("unaltered").asBoolean()).isTrue();
    }

    @Test
    void theApplicantDownloadsTheSealedCertificateOfTheirCaseAndGetsTheSameFileEveryTime() throws Exception {
        String caseId = "310000-20261125-000103";
        mongo.insert(handledHere(caseId), CaseStore.COLLECTION);

        HttpResponse<byte[]> first = getPdf("/api/v1/cases/" + caseId + "/certificate.pdf", "applicant");
        HttpResponse<byte[]> again = getPdf("/api/v1/cases/" + caseId + "/certificate.pdf", "clerk");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(again.body()).isEqualTo(first.body());
        String code = first.headers().firstValue("X-Verification-Code").orElseThrow();
        assertThat(getJson("/public/v1/certificates/" + code, 200).path("verdict").asString()).isEqualTo("GENUINE");
        assertThat(getPdf("/api/v1/cases/" + caseId + "/certificate.pdf", "stranger").statusCode()).isEqualTo(404);
        assertThat(getPdf("/api/v1/cases/" + caseId + "/certificate.pdf", null).statusCode()).isEqualTo(401);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static CenterCase handledHere(String caseId) {
        return new CenterCase(caseId, ServiceItem.CONTRIBUTION_USE_CERTIFICATE, HandlingMode.PROXY, CaseSide.HANDLING,
                SHANGHAI, BEIJING, new Applicant(cn.tongban.contracts.IdentityNumber.of(APPLICANT), "王建国"), "上海市",
                "sh-clerk-007", CaseState.RESULT_SENT, NOW, NOW, List.of(), Certificates.contributionUse(), null, null,
                null, null);
    }

    private static Jwt jwt(String token, String subject, String role, String identityNumber) {
        Jwt.Builder builder = Jwt.withTokenValue(token).header("alg", "none").subject(subject)
                .claim(SecurityConfiguration.ROLES_CLAIM, List.of(role)).issuedAt(NOW).expiresAt(NOW.plusSeconds(3600 * 24 * 3650L));
        if (identityNumber != null) {
            builder.claim(cn.tongban.kit.security.Caller.IDENTITY_NUMBER_CLAIM, identityNumber);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> getPdf(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode postPdf(byte[] pdf, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/public/v1/certificates/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private JsonNode postMultipart(byte[] pdf, int status) throws Exception {
        String boundary = "tongban-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"certificate.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/public/v1/certificates/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }
}
