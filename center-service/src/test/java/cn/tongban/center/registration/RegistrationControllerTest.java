package cn.tongban.center.registration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.ApiProblem;
import cn.tongban.kit.web.WebConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Employer registration over HTTP: who may register, who sees which employer and case, and how refusals look. */
@WebMvcTest(controllers = RegistrationController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class RegistrationControllerTest {

    static final String UNIT = "11000000000001";
    static final String CASE = "RC-1";
    static final String BODY = """
            {"creditCode": "91110108MA01A2B32G", "name": "北京海淀示例科技有限公司", "legalRepresentative": "王建国",
             "address": "北京市海淀区中关村大街27号8层801", "contact": {"name": "李娜", "phone": "010-62345678"},
             "unitRate": 12, "personalRate": 12, "bankAccount": "0200004509200123456"}
            """;
    static final String ONE_FORM = """
            {"creditCode": "91110108MA01A2B32G", "enterpriseName": "北京海淀示例科技有限公司", "legalRepresentative": "王建国",
             "registeredAddress": "北京市海淀区中关村大街27号8层801", "establishedOn": "2026-11-20",
             "fundContactName": "李娜", "fundContactPhone": "13800138000", "fundUnitRate": 12, "fundPersonalRate": 12,
             "fundBankAccount": "0200004509200123456"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RegistrationService service;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    SealedMaterials materials;

    RegistrationCase opened = new RegistrationCase(CASE, Channel.ONLINE, "91110108MA01A2B32G", "北京海淀示例科技有限公司",
            "王建国", "北京市海淀区中关村大街27号8层801", "李娜", "010-62345678", new BigDecimal("12"), new BigDecimal("12"),
            "0200004509200123456", LocalDate.of(2018, 3, 12), RegistrationState.OPENED, null, null, UNIT, List.of(),
            "new-agent", Instant.parse("2026-11-25T02:00:00Z"),
            List.of(new StateChange(RegistrationState.SUBMITTED, Instant.parse("2026-11-25T02:00:00Z"), "new-agent", null, null),
                    new StateChange(RegistrationState.OPENED, Instant.parse("2026-11-25T02:00:01Z"), "system", null, null)));

    @BeforeEach
    void setUp() {
        when(service.employer(UNIT)).thenReturn(Optional.of(new RegisteredEmployer(UNIT, "91110108MA01A2B32G",
                "北京海淀示例科技有限公司", new BigDecimal("12"), new BigDecimal("12"), "0200004509200123456", "王建国",
                "北京市海淀区中关村大街27号8层801", "李娜", "010-62345678", LocalDate.of(2018, 3, 12), "01", List.of(),
                LocalDate.of(2026, 11, 25), CASE)));
        when(service.registrationCase(CASE)).thenReturn(Optional.of(opened));
    }

    private static RequestPostProcessor newAgent(String subject) {
        return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_EMPLOYER_AGENT"));
    }

    private static RequestPostProcessor agentOf(String unit) {
        return jwt().jwt(token -> token.subject("agent-of-" + unit).claim("employer", unit))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYER_AGENT"));
    }

    private static RequestPostProcessor withRole(String role) {
        return jwt().jwt(token -> token.subject("someone").claim("idn", "11010519491231002X"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void anAgentWhoseTokenNamesNoUnitYetRegistersOne() throws Exception {
        when(service.register(any(), eq("new-agent"))).thenReturn(opened);

        mvc.perform(post("/api/v1/employers").with(newAgent("new-agent")).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/employers/" + UNIT))
                .andExpect(jsonPath("$.state").value("OPENED"))
                .andExpect(jsonPath("$.accountNumber").value(UNIT))
                .andExpect(jsonPath("$.history.length()").value(2));
    }

    @Test
    void aCounterClerkRegistersToo() throws Exception {
        when(service.register(any(), eq("someone"))).thenReturn(opened);

        mvc.perform(post("/api/v1/employers").with(withRole("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated());
    }

    @Test
    void anEmployeeOrAReviewerMayNotRegister() throws Exception {
        for (String role : List.of("EMPLOYEE", "REVIEWER")) {
            mvc.perform(post("/api/v1/employers").with(withRole(role)).contentType(MediaType.APPLICATION_JSON).content(BODY))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/employers/one-form").with(withRole(role)).contentType(MediaType.APPLICATION_JSON)
                    .content(ONE_FORM)).andExpect(status().isForbidden());
        }
        verify(service, never()).register(any(), any());
        verify(service, never()).registerOneForm(any(), any());
    }

    @Test
    void withoutATokenNothingIsRegistered() throws Exception {
        mvc.perform(post("/api/v1/employers").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anIncompleteApplicationIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/employers").with(newAgent("new-agent")).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"unitRate\": 12, ", "")))
                .andExpect(status().isBadRequest());
        verify(service, never()).register(any(), any());
    }

    @Test
    void aRefusalIsAProblemWithItsReason() throws Exception {
        when(service.register(any(), any())).thenThrow(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                RegistrationService.NAME_MISMATCH, "单位名称与电子营业执照上的名称不一致", List.of()));

        mvc.perform(post("/api/v1/employers").with(newAgent("new-agent")).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value(RegistrationService.NAME_MISMATCH));
    }

    @Test
    void aOneFormRecordIsCreatedOnceAndAnsweredWithTheSameCaseAfterwards() throws Exception {
        when(service.registerOneForm(any(), any())).thenReturn(new RegistrationService.Intake(opened, true),
                new RegistrationService.Intake(opened, false));

        mvc.perform(post("/api/v1/employers/one-form").with(newAgent("platform")).contentType(MediaType.APPLICATION_JSON)
                        .content(ONE_FORM))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(CASE));
        mvc.perform(post("/api/v1/employers/one-form").with(newAgent("platform")).contentType(MediaType.APPLICATION_JSON)
                        .content(ONE_FORM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(CASE));
    }

    @Test
    void aUnitsOwnAgentAndStaffSeeTheEmployerAnotherUnitsAgentDoesNot() throws Exception {
        mvc.perform(get("/api/v1/employers/" + UNIT).with(agentOf(UNIT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.creditCode").value("91110108MA01A2B32G"))
                .andExpect(jsonPath("$.state").value("01"));
        mvc.perform(get("/api/v1/employers/" + UNIT).with(withRole("REVIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/employers/" + UNIT).with(agentOf("11000000000002")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_SUCH_EMPLOYER"));
        mvc.perform(get("/api/v1/employers/" + UNIT).with(newAgent("new-agent"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/employers/" + UNIT).with(withRole("EMPLOYEE"))).andExpect(status().isForbidden());
    }

    @Test
    void theCaseIsSeenByTheAgentWhoSubmittedItTheUnitsAgentAndStaffOnly() throws Exception {
        mvc.perform(get("/api/v1/employer-registrations/" + CASE).with(newAgent("new-agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].state").value("SUBMITTED"));
        mvc.perform(get("/api/v1/employer-registrations/" + CASE).with(agentOf(UNIT))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/employer-registrations/" + CASE).with(withRole("COUNTER_CLERK"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/employer-registrations/" + CASE).with(newAgent("another-agent")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_SUCH_REGISTRATION"));
        mvc.perform(get("/api/v1/employer-registrations/" + CASE).with(withRole("EMPLOYEE"))).andExpect(status().isForbidden());
    }

    @Test
    void theAgentWhoRegisteredSendsAFormSealedWithTheUnitsESealInsteadOfPaper() throws Exception {
        org.springframework.mock.web.MockMultipartFile form = new org.springframework.mock.web.MockMultipartFile("file",
                "开户申请表.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'});
        when(materials.accept(eq(CASE), eq("单位登记开户申请表"), eq("开户申请表.pdf"), any(), eq("new-agent")))
                .thenReturn(new SealedMaterial(CASE + "/abc", CASE, "91110108MA01A2B32G", "单位登记开户申请表", "开户申请表.pdf",
                        "abc", 4, "C=CN,SERIALNUMBER=91110108MA01A2B32G", "1267", Instant.parse("2026-11-25T02:00:00Z"),
                        Instant.parse("2026-11-25T02:00:05Z"), "new-agent", new byte[] {'%', 'P', 'D', 'F'}));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/employer-registrations/" + CASE + "/sealed-materials").file(form)
                        .param("kind", "单位登记开户申请表").with(newAgent("new-agent")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signer").value("C=CN,SERIALNUMBER=91110108MA01A2B32G"))
                .andExpect(jsonPath("$.pdf").doesNotExist());
    }

    @Test
    void aMaterialWhoseSealDoesNotVerifyIsRefusedWithTheReasonAndAnotherAgentLearnsNothing() throws Exception {
        org.springframework.mock.web.MockMultipartFile form = new org.springframework.mock.web.MockMultipartFile("file",
                "form.pdf", "application/pdf", new byte[] {1});
        when(materials.accept(eq(CASE), any(), any(), any(), any())).thenThrow(new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, EmployerSealCheck.SEAL_BROKEN, "电子印章签名与文件内容不符，文件已被改动", List.of()));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/employer-registrations/" + CASE + "/sealed-materials").file(form)
                        .param("kind", "单位登记开户申请表").with(newAgent("new-agent")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SEAL_BROKEN"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/employer-registrations/" + CASE + "/sealed-materials").file(form)
                        .param("kind", "单位登记开户申请表").with(newAgent("another-agent")))
                .andExpect(status().isNotFound());
        verify(materials, never()).accept(any(), any(), any(), any(), eq("another-agent"));
    }
}
