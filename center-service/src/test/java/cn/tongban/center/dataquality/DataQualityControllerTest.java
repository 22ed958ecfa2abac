package cn.tongban.center.dataquality;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.WebConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The data-quality endpoints alone: only a center's administrator, and what a bad file gets back. */
@WebMvcTest(controllers = DataQualityController.class,
        properties = {"spring.config.name=center", "tongban.data-quality.max-file-size=1KB"})
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
@EnableConfigurationProperties(DataQualityProperties.class)
class DataQualityControllerTest {

    static final String BASE = "/api/v1/data-quality";
    static final BatchId BATCH = BatchId.of("20261125-100000-00aa");
    static final BatchReport REPORT = new BatchReport(BATCH, ImportFormat.PERSONAL_ACCOUNTS, "export.csv", "admin-1",
            Instant.parse("2026-11-25T02:00:00Z"), Instant.parse("2026-11-25T02:00:03Z"), BatchReport.Status.COMPLETED,
            23, 7, 16, 3, 1, Map.of(IssueCode.IMPOSSIBLE_DATE, 4L, IssueCode.MISSING_FIELD, 1L));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DataQualityService service;

    @MockitoBean
    JwtDecoder jwtDecoder;

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("admin-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "export.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file) {
        return multipart(BASE + "/imports").file(file);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetails() throws Exception {
        mvc.perform(get(BASE + "/report"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMPLOYEE", "EMPLOYER_AGENT", "COUNTER_CLERK", "REVIEWER", "PLATFORM_OPERATOR"})
    void onlyTheCentersAdministratorMayImport(String role) throws Exception {
        mvc.perform(upload(csv("GRZH\n1")).with(as(role)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verify(service, never()).importFile(anyString(), any(), anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/report", "/imports/20261125-100000-00aa", "/imports/20261125-100000-00aa/quarantine"})
    void onlyTheCentersAdministratorMayRead(String path) throws Exception {
        mvc.perform(get(BASE + path).with(as("COUNTER_CLERK")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get(BASE + path).with(as("EMPLOYEE")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anImportAnswersWithTheBatchReport() throws Exception {
        when(service.importFile(eq("export.csv"), any(), eq("admin-1"))).thenReturn(new ImportOutcome.Completed(REPORT));

        mvc.perform(upload(csv("GRZH,XINGMING\n1,王\n")).with(as("CENTER_ADMIN")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", BASE + "/imports/20261125-100000-00aa"))
                .andExpect(jsonPath("$.batchId").value("20261125-100000-00aa"))
                .andExpect(jsonPath("$.rowsRead").value(23))
                .andExpect(jsonPath("$.imported").value(7))
                .andExpect(jsonPath("$.quarantined").value(16))
                .andExpect(jsonPath("$.reasonsByCode.IMPOSSIBLE_DATE").value(4));
    }

    @Test
    void aFileThatIsNotCsvIsA400ProblemWithTheReason() throws Exception {
        when(service.importFile(anyString(), any(), anyString()))
                .thenReturn(new ImportOutcome.FileRefused("NOT_CSV", "this is an Excel workbook (.xlsx) or another zip archive, not CSV: save it as CSV UTF-8"));

        mvc.perform(upload(new MockMultipartFile("file", "export.xlsx", "application/octet-stream", new byte[] {0x50, 0x4B, 3, 4}))
                        .with(as("CENTER_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_CSV"))
                .andExpect(jsonPath("$.detail").value("this is an Excel workbook (.xlsx) or another zip archive, not CSV: save it as CSV UTF-8"));
    }

    @Test
    void aFileAboveTheLimitIsRefusedUnread() throws Exception {
        mvc.perform(upload(csv("x".repeat(1025))).with(as("CENTER_ADMIN")))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("FILE_TOO_LARGE"));
        verify(service, never()).importFile(anyString(), any(), anyString());
    }

    @Test
    void anUploadWithoutAFilePartIsA400Problem() throws Exception {
        mvc.perform(multipart(BASE + "/imports").with(as("CENTER_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theQuarantineIsPagedWithEveryReason() throws Exception {
        QuarantinedRow row = new QuarantinedRow(BATCH, 15, "A013,郑多错,…", List.of(
                new Finding(IssueCode.INVALID_IDENTITY_NUMBER, "ZJHM", "the check character does not match (GB 11643)"),
                new Finding(IssueCode.IMPOSSIBLE_DATE, "KHRQ", "2023-02-30 does not exist")));
        when(service.quarantine(BATCH, 1, 10)).thenReturn(Optional.of(new QuarantinePage(BATCH, 1, 10, 16, List.of(row))));

        mvc.perform(get(BASE + "/imports/20261125-100000-00aa/quarantine?page=1&size=10").with(as("CENTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(16))
                .andExpect(jsonPath("$.rows[0].line").value(15))
                .andExpect(jsonPath("$.rows[0].raw").value("A013,郑多错,…"))
                .andExpect(jsonPath("$.rows[0].reasons[0].code").value("INVALID_IDENTITY_NUMBER"))
                .andExpect(jsonPath("$.rows[0].reasons[1].field").value("KHRQ"));
    }

    @Test
    void anUnknownOrMalformedBatchIsA404() throws Exception {
        when(service.quarantine(any(), anyInt(), anyInt())).thenReturn(Optional.empty());
        when(service.batch(any())).thenReturn(Optional.empty());

        mvc.perform(get(BASE + "/imports/20261125-100000-0fff/quarantine").with(as("CENTER_ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_SUCH_BATCH"));
        mvc.perform(get(BASE + "/imports/not-a-batch").with(as("CENTER_ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_SUCH_BATCH"));
    }

    @Test
    void aPageTooLargeIsRefused() throws Exception {
        mvc.perform(get(BASE + "/imports/20261125-100000-00aa/quarantine?size=501").with(as("CENTER_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void theAdministratorReadsTheReport() throws Exception {
        when(service.report()).thenReturn(new DataQualityReport(CenterCode.of("110000"), Instant.parse("2026-11-25T02:00:00Z"),
                12, 3, List.of(new DataQualityReport.CheckResult(IssueCode.INVALID_IDENTITY_NUMBER, "证件号码无效", 1,
                        List.of(new DataQualityReport.Sample("R001", "110105********0021", "the check character does not match (GB 11643)")))),
                List.of(), List.of(REPORT)));

        mvc.perform(get(BASE + "/report").with(as("CENTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.center").value("110000"))
                .andExpect(jsonPath("$.accountIssues[0].code").value("INVALID_IDENTITY_NUMBER"))
                .andExpect(jsonPath("$.accountIssues[0].samples[0].identityNumber").value("110105********0021"))
                .andExpect(jsonPath("$.recentImports[0].quarantined").value(16));
    }
}
