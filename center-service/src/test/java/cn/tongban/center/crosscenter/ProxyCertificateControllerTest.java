package cn.tongban.center.crosscenter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The counter's REST endpoint alone: who may call it, and what bad input gets back. */
@WebMvcTest(controllers = ProxyCertificateController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class ProxyCertificateControllerTest {

    static final String ZHANG = "11010519491231002X";
    static final String URL = "/api/v1/proxy/contribution-use-certificates";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProxyCertificateService service;

    @MockitoBean
    JwtDecoder jwtDecoder;

    private static MockHttpServletRequestBuilder submit(String body) {
        return post(URL).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String body(String homeCenter, String identityNumber, boolean identityVerified) {
        return """
                {"homeCenter": "%s", "applicant": {"identityNumber": "%s", "name": "张三"},
                 "lendingCity": "上海市", "identityVerified": %s, "formChecked": true}
                """.formatted(homeCenter, identityNumber, identityVerified);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("clerk-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetails() throws Exception {
        mvc.perform(submit(body("110000", ZHANG, true)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        verify(service, never()).submit(any(), anyString());
    }

    @Test
    void aPersonCannotSubmitForTheCounter() throws Exception {
        mvc.perform(submit(body("110000", ZHANG, true)).with(as("EMPLOYEE")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithTheField() throws Exception {
        mvc.perform(submit(body("110000", "110105194912310021", true)).with(as("COUNTER_CLERK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("applicant.identityNumber"))
                .andExpect(jsonPath("$.errors[0].reason").value("the check character does not match (GB 11643)"));
    }

    @Test
    void aCodeThatIsNoAdministrativeDivisionIsRefusedWithTheField() throws Exception {
        mvc.perform(submit(body("990000", ZHANG, true)).with(as("COUNTER_CLERK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeCenter"));
    }

    @Test
    void theIdentityMustHaveBeenCheckedAtTheCounter() throws Exception {
        mvc.perform(submit(body("110000", ZHANG, false)).with(as("COUNTER_CLERK")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("identityVerified"));
    }

    @Test
    void anUnreadableBodyIsAProblemToo() throws Exception {
        mvc.perform(submit("{not json").with(as("COUNTER_CLERK")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BAD_REQUEST"));
    }

    @Test
    void aGoodApplicationOpensACase() throws Exception {
        Instant now = Instant.parse("2026-11-25T02:00:00Z");
        when(service.submit(any(), anyString())).thenReturn(new CenterCase("310000-20261125-000001",
                ServiceItem.CONTRIBUTION_USE_CERTIFICATE, HandlingMode.PROXY, CaseSide.REQUESTING, CenterCode.of("310000"),
                CenterCode.of("110000"), new Applicant(IdentityNumber.of(ZHANG), "张三"), "上海市", "clerk-1",
                CaseState.SUBMITTED, now, now, List.of(), null, null, null, null, null));

        mvc.perform(submit(body("110000", ZHANG, true)).with(as("COUNTER_CLERK")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/cases/310000-20261125-000001"))
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(jsonPath("$.applicantIdentityNumber").value("110105********002X"));
    }
}
