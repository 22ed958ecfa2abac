package cn.tongban.center.archive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.kit.document.ContentStore;
import cn.tongban.kit.document.Digests;
import cn.tongban.kit.document.GridFsContentStore;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.GridFsTampering;
import cn.tongban.kit.testing.SampleDocuments;
import cn.tongban.kit.web.WebConfiguration;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive endpoints with the real import behind them (records and GridFS on an embedded MongoDB); only the
 * account and case stores are stand-ins.
 */
@WebMvcTest(controllers = ArchiveController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
@EnableConfigurationProperties(ArchiveProperties.class)
@Import({ArchiveService.class, ArchiveControllerTest.Stores.class})
class ArchiveControllerTest {

    static final EmbeddedMongo MONGO = new EmbeddedMongo("center_archive_web_test");

    @TestConfiguration
    static class Stores {
        @Bean
        ArchiveStore archiveStore() {
            return new ArchiveStore(MONGO.template());
        }

        @Bean
        ContentStore archiveContent() {
            return new GridFsContentStore(MONGO.factory().getMongoDatabase(), "archives");
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountStore accounts;

    @MockitoBean
    CaseStore cases;

    @MockitoBean
    JwtDecoder jwtDecoder;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void oneAccount() {
        PersonalAccount zhang = accountOf(ArchiveFixture.ZHANG_ACCOUNT);
        when(accounts.findByAccountNumber(any())).thenReturn(Optional.empty());
        when(accounts.findByAccountNumber(ArchiveFixture.ZHANG_ACCOUNT)).thenReturn(Optional.of(zhang));
        when(cases.find(any())).thenReturn(Optional.empty());
    }

    private static PersonalAccount accountOf(String number) {
        PersonalAccount account = Mockito.mock(PersonalAccount.class);
        when(account.accountNumber()).thenReturn(number);
        when(account.identityNumber()).thenReturn(ArchiveFixture.ZHANG);
        return account;
    }

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("admin-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void anAdministratorImportsABatchAndAClerkReadsTheVerifiedScan() throws Exception {
        byte[] good = SampleDocuments.pdf("档案 " + System.nanoTime());
        byte[] png = SampleDocuments.png();
        String manifest = "file,sm3,account_number\n"
                + "good.pdf," + Digests.of(good).sm3() + "," + ArchiveFixture.ZHANG_ACCOUNT + "\n"
                + "id.png," + Digests.of(good).sm3() + "," + ArchiveFixture.ZHANG_ACCOUNT + "\n";

        MvcResult imported = mvc.perform(multipart("/api/v1/archives/imports")
                        .file(new MockMultipartFile("manifest", "manifest.csv", "text/csv", manifest.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "scans/good.pdf", "application/pdf", good))
                        .file(new MockMultipartFile("files", "id.png", "image/png", png))
                        .with(as("CENTER_ADMIN")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.archived.length()").value(1))
                .andExpect(jsonPath("$.archived[0].file").value("good.pdf"))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].issue").value("DIGEST_MISMATCH"))
                .andExpect(jsonPath("$.byIssue.DIGEST_MISMATCH").value(1))
                .andReturn();
        String id = json.readTree(imported.getResponse().getContentAsByteArray()).get("archived").get(0)
                .get("documentId").asString();
        String batchId = json.readTree(imported.getResponse().getContentAsByteArray()).get("batchId").asString();

        mvc.perform(get("/api/v1/archives/documents/" + id + "/content").with(as("COUNTER_CLERK")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-SM3", Digests.of(good).sm3()))
                .andExpect(content().bytes(good));
        mvc.perform(get("/api/v1/archives/imports/" + batchId).with(as("CENTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].issue").value("DIGEST_MISMATCH"));
    }

    @Test
    void aScanChangedInTheStoreIsNotServed() throws Exception {
        byte[] good = SampleDocuments.pdf("改动 " + System.nanoTime());
        String manifest = "file,sm3,account_number\ngood.pdf," + Digests.of(good).sm3() + "," + ArchiveFixture.ZHANG_ACCOUNT + "\n";
        MvcResult imported = mvc.perform(multipart("/api/v1/archives/imports")
                        .file(new MockMultipartFile("manifest", "m.csv", "text/csv", manifest.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "good.pdf", "application/pdf", good))
                        .with(as("CENTER_ADMIN")))
                .andExpect(status().isCreated()).andReturn();
        String id = json.readTree(imported.getResponse().getContentAsByteArray()).get("archived").get(0)
                .get("documentId").asString();
        GridFsTampering.flipAByte(MONGO.factory().getMongoDatabase(), "archives", id, 10);

        mvc.perform(get("/api/v1/archives/documents/" + id + "/content").with(as("REVIEWER")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DOCUMENT_CORRUPTED"));
    }

    @Test
    void aManifestThatCannotBeReadIsA400Problem() throws Exception {
        mvc.perform(multipart("/api/v1/archives/imports")
                        .file(new MockMultipartFile("manifest", "m.xlsx", "application/octet-stream", SampleDocuments.zipThatIsNotOfd()))
                        .with(as("CENTER_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNREADABLE_MANIFEST"));
    }

    @Test
    void onlyTheCentersAdministratorImports() throws Exception {
        mvc.perform(multipart("/api/v1/archives/imports")
                        .file(new MockMultipartFile("manifest", "m.csv", "text/csv", "file,sm3\n".getBytes()))
                        .with(as("COUNTER_CLERK")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/archives/documents/a-1/content").with(as("EMPLOYEE")))
                .andExpect(status().isForbidden());
    }
}
