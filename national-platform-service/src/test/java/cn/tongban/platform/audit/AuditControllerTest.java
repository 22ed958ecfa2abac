package cn.tongban.platform.audit;

import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.WebConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code GET /api/v1/audit/verify}: for platform operators only, the report as JSON. */
@WebMvcTest(controllers = AuditController.class, properties = "spring.config.name=platform")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class AuditControllerTest {

    static final String URL = "/api/v1/audit/verify";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditVerifier verifier;

    @MockitoBean
    JwtDecoder jwtDecoder;

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("someone")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void anOperatorGetsTheReportWithTheFirstFinding() throws Exception {
        when(verifier.verify()).thenReturn(new AuditReport(false, 99, 100, "ab".repeat(32), 10, 100, 0, 100,
                Instant.parse("2026-11-25T02:00:00Z"),
                List.of(new AuditFinding(50, AuditFinding.Kind.MISSING, "record 50 is missing")), 1));

        mvc.perform(get(URL).with(as("PLATFORM_OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.records").value(99))
                .andExpect(jsonPath("$.findings[0].seq").value(50))
                .andExpect(jsonPath("$.findings[0].kind").value("MISSING"))
                .andExpect(jsonPath("$.findings[0].detail").value("record 50 is missing"));
    }

    @Test
    void aCenterAdminMayNotVerifyThePlatformsLog() throws Exception {
        mvc.perform(get(URL).with(as("CENTER_ADMIN")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verify(verifier, never()).verify();
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        mvc.perform(get(URL))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        verify(verifier, never()).verify();
    }
}
