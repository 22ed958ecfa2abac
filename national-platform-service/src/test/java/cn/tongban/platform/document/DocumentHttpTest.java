package cn.tongban.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.kit.crypto.Sm2KeyPair;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.testing.GridFsTampering;
import cn.tongban.kit.testing.SampleDocuments;
import cn.tongban.platform.audit.AuditCheckpointer;
import cn.tongban.platform.audit.AuditLog;
import cn.tongban.platform.casefile.PlatformCase;
import cn.tongban.platform.casefile.PlatformCaseStore;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document API over real HTTP on an embedded Tomcat, as a center's service meets it: real multipart parsing
 * with the container's limits, tokens from the dev issuer, GridFS and the audit log on an embedded MongoDB. Only
 * the case store is a stand-in (one known case: Beijing asked Shanghai).
 */
@SpringBootTest(classes = DocumentHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=platform", "spring.profiles.active=local",
                "tongban.platform.documents.max-size=64KB", "tongban.platform.documents.watch=false",
                "spring.servlet.multipart.max-file-size=128KB", "spring.servlet.multipart.max-request-size=130KB",
                "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.listener.auto-startup=false"})
class DocumentHttpTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    static final String CASE = "110000-20261125-000042";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(DocumentProperties.class)
    @Import({DocumentController.class, DocumentService.class, DocumentRecords.class})
    static class App {

        @Bean
        AuditLog auditLog(MongoOperations mongo, Sm2KeyPair signingKey, Clock clock) {
            return new AuditLog(mongo, new AuditCheckpointer(mongo, signingKey, 100, clock), clock, 10);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("spring.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":"
                + MONGO_ADDRESS.getPort() + "/platform_http_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @MockitoBean
    PlatformCaseStore cases;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void oneCase() {
        Instant now = Instant.parse("2026-11-25T02:00:00Z");
        when(cases.find(CASE)).thenReturn(Optional.of(new PlatformCase(CASE, ServiceItem.CONTRIBUTION_USE_CERTIFICATE,
                HandlingMode.PROXY, CenterCode.of("110000"), CenterCode.of("310000"), CaseState.DELIVERED, now, now, null,
                null, null, null, now, List.of())));
    }

    // --- the scenarios ---

    @Test
    void beijingUploadsAScanShanghaiDownloadsItVerified() throws Exception {
        byte[] pdf = SampleDocuments.pdf("购房合同 " + UUID.randomUUID());

        HttpResponse<byte[]> uploaded = upload(center("110000"), "合同.pdf", "application/pdf", pdf, Digests.of(pdf).sm3());

        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode reference = JSON.readTree(uploaded.body());
        String id = reference.get("id").asString();
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/v1/documents/" + id);
        assertThat(reference.get("sm3").asString()).isEqualTo(Digests.of(pdf).sm3());
        assertThat(reference.get("uploader").asString()).isEqualTo("110000");
        assertThat(reference.get("caseId").asString()).isEqualTo(CASE);

        HttpResponse<byte[]> downloaded = get("/api/v1/documents/" + id + "/content", center("310000"));

        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(pdf);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.headers().firstValue("X-Content-SM3")).hasValue(Digests.of(pdf).sm3());
        assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/api/v1/documents/" + id, token("operator-1", "PLATFORM_OPERATOR", null)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCenterThatIsNotAPartyGets403ProblemDetails() throws Exception {
        byte[] pdf = SampleDocuments.pdf("x " + UUID.randomUUID());
        String id = JSON.readTree(upload(center("110000"), "a.pdf", "application/pdf", pdf, Digests.of(pdf).sm3()).body())
                .get("id").asString();

        HttpResponse<byte[]> refused = get("/api/v1/documents/" + id + "/content", center("440100"));
        HttpResponse<byte[]> uploadRefused = upload(center("440100"), "b.pdf", "application/pdf", pdf,
                Digests.of(pdf).sm3());

        assertProblem(refused, 403, "NOT_A_PARTY");
        assertProblem(uploadRefused, 403, "NOT_A_PARTY");
    }

    @Test
    void aCounterClerkTokenIsNotAServiceTokenAndWithoutATokenItIs401() throws Exception {
        byte[] pdf = SampleDocuments.pdf();

        assertProblem(upload(token("clerk-1", "COUNTER_CLERK", null), "a.pdf", "application/pdf", pdf,
                Digests.of(pdf).sm3()), 403, "FORBIDDEN");
        assertProblem(upload(null, "a.pdf", "application/pdf", pdf, Digests.of(pdf).sm3()), 401,
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    void overTheDocumentLimitIs413ProblemDetails() throws Exception {
        byte[] big = new byte[100 * 1024];
        long before = documentsKept();

        assertProblem(upload(center("110000"), "big.pdf", "application/pdf", big, Digests.of(big).sm3()), 413,
                "DOCUMENT_TOO_LARGE");
        assertThat(documentsKept()).isEqualTo(before);
    }

    @Test
    void overTheContainersMultipartLimitIs413ProblemDetailsNotAnHtmlPage() throws Exception {
        byte[] huge = new byte[400 * 1024];
        long before = documentsKept();

        assertProblem(upload(center("110000"), "huge.pdf", "application/pdf", huge, Digests.of(huge).sm3()), 413,
                "UPLOAD_TOO_LARGE");
        assertThat(documentsKept()).isEqualTo(before);
    }

    @Test
    void aRenamedExecutableIs415AndAZipThatIsNotOfdToo() throws Exception {
        byte[] exe = SampleDocuments.exe();
        byte[] zip = SampleDocuments.zipThatIsNotOfd();
        long before = documentsKept();

        assertProblem(upload(center("110000"), "scan.pdf", "application/pdf", exe, Digests.of(exe).sm3()), 415,
                "UNSUPPORTED_DOCUMENT_TYPE");
        assertProblem(upload(center("110000"), "receipt.ofd", "application/ofd", zip, Digests.of(zip).sm3()), 415,
                "UNSUPPORTED_DOCUMENT_TYPE");
        assertThat(documentsKept()).isEqualTo(before);
    }

    @Test
    void aDigestThatDoesNotMatchIs422() throws Exception {
        byte[] png = SampleDocuments.png();
        long before = documentsKept();

        assertProblem(upload(center("110000"), "id.png", "image/png", png, Digests.of("other".getBytes()).sm3()), 422,
                "DIGEST_MISMATCH");
        assertThat(documentsKept()).isEqualTo(before);
    }

    @Test
    void contentCorruptedInTheStoreIsRefusedOnRead() throws Exception {
        byte[] ofd = SampleDocuments.ofd();
        String id = JSON.readTree(upload(center("110000"), "r.ofd", "application/ofd", ofd, Digests.of(ofd).sm3()).body())
                .get("id").asString();
        GridFsTampering.flipAByte(mongo.getDb(), "documents", id, -1);

        assertProblem(get("/api/v1/documents/" + id + "/content", center("310000")), 500, "DOCUMENT_CORRUPTED");
    }

    // --- helpers ---

    private long documentsKept() {
        return mongo.getCollection("documents").countDocuments() + mongo.getCollection("documents.chunks").countDocuments();
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }

    private String center(String code) throws Exception {
        return token("svc-" + code, "CENTER_SERVICE", code);
    }

    private String token(String subject, String role, String center) throws Exception {
        String query = "sub=" + subject + "&roles=" + role + (center == null ? "" : "&center=" + center);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/dev/token?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(String token, String fileName, String claimedType, byte[] content, String sm3)
            throws Exception {
        String boundary = "----tongban" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "caseId", CASE);
        field(body, boundary, "materialKind", "PURCHASE_PROOF");
        field(body, boundary, "sm3", sm3);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
