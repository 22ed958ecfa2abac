package cn.tongban.center.crosscenter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.casefile.MaterialReference;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.ApiProblem;
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

/** The case-clock endpoints alone: who may call them, what bad input gets back, what reaches the service. */
@WebMvcTest(controllers = CaseClockController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class CaseClockControllerTest {

    static final String CASE = "310000-20260205-000001";
    static final String SM3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseClockService service;

    @MockitoBean
    JwtDecoder jwtDecoder;

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("staff-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private static CenterCase aCase(CaseState state) {
        return new CenterCase(CASE, ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT, CaseSide.REQUESTING,
                CenterCode.of("310000"), CenterCode.of("110000"), new Applicant(IdentityNumber.of("11010519491231002X"), "张三"),
                null, "clerk", state, Instant.EPOCH, Instant.EPOCH, List.of(), null, null, null, null, null);
    }

    @Test
    void theRequestingCounterSuppliesReferencesAndGetsTheCaseBack() throws Exception {
        when(service.supply(eq(CASE), any(), eq("staff-1"))).thenReturn(aCase(CaseState.SUPPLEMENTED));

        mvc.perform(post("/api/v1/cases/" + CASE + "/supplements").with(as("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"materials": [{"documentId": "310000-doc-77", "name": "购房合同扫描件第3页", "sm3": "%s"}]}
                                """.formatted(SM3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUPPLEMENTED"))
                .andExpect(jsonPath("$.applicantIdentityNumber").value("110105********002X"));
        verify(service).supply(CASE, List.of(new MaterialReference("310000-doc-77", "购房合同扫描件第3页", SM3)), "staff-1");
    }

    @Test
    void aBadDigestAnEmptyListOrAnExtensionOfNoDaysIsRefusedAsProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/cases/" + CASE + "/supplements").with(as("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"materials\": [{\"documentId\": \"d\", \"name\": \"n\", \"sm3\": \"ABC\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/v1/cases/" + CASE + "/supplement-request").with(as("REVIEWER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"missing\": []}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/" + CASE + "/extension-request").with(as("REVIEWER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workingDays\": 0, \"reason\": \"需核实\"}"))
                .andExpect(status().isBadRequest());
        verify(service, never()).requestExtension(anyString(), anyInt(), anyString(), anyString());
    }

    @Test
    void aPersonCannotWorkTheClockAndAStepOutOfTurnIsAConflict() throws Exception {
        mvc.perform(post("/api/v1/cases/" + CASE + "/extension-answer").with(as("EMPLOYEE")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agreed\": true, \"reason\": \"同意\"}"))
                .andExpect(status().isForbidden());
        verify(service, never()).answerExtension(anyString(), anyBoolean(), anyString(), anyString());

        when(service.answerExtension(CASE, false, "申请人急需用款", "staff-1"))
                .thenThrow(ApiProblem.conflict("NOT_NOW", "case " + CASE + " is ACCEPTED: no extension was asked for"));
        mvc.perform(post("/api/v1/cases/" + CASE + "/extension-answer").with(as("REVIEWER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agreed\": false, \"reason\": \"申请人急需用款\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_NOW"));
    }
}
