package cn.tongban.center.withdrawal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.security.SecurityConfiguration;
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
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Retirement withdrawal over HTTP: who may apply for which account, who sees a case, refusals as 422. */
@WebMvcTest(controllers = WithdrawalController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class WithdrawalControllerTest {

    static final IdentityNumber ZHANG = IdentityNumber.of("11010519491231002X");
    static final IdentityNumber SOMEONE_ELSE = IdentityNumber.of("110105198507219116");
    static final String ACCOUNT = "110000000123";
    static final String CARD = "6217000010001234567";
    static final String CASE = "WD-110000-20261125-000001";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RetirementWithdrawalService service;

    @MockitoBean
    AccountStore accounts;

    @MockitoBean
    JwtDecoder jwtDecoder;

    PersonalAccount account;

    @BeforeEach
    void anAccount() {
        account = new PersonalAccount(ACCOUNT, ZHANG, "张三", "11000000000001", "北京华信数据科技有限公司",
                LocalDate.of(1995, 3, 1), AccountState.NORMAL, Money.parse("12000.00"), new BigDecimal("12"),
                new BigDecimal("12"), Money.parse("80000.00"), List.of(), List.of());
        when(accounts.findByAccountNumber(ACCOUNT)).thenReturn(Optional.of(account));
        when(accounts.findByIdentityNumber(ZHANG)).thenReturn(Optional.of(account));
    }

    static WithdrawalCase aCase(WithdrawalState state, String rejectionCode, String reason) {
        return new WithdrawalCase(CASE, ACCOUNT, ZHANG.value(), "张三", WithdrawalCase.RETIREMENT, CARD, state,
                Instant.parse("2026-11-25T02:00:00Z"), LocalDate.of(2026, 11, 28), "p", Money.parse("80000.00"),
                LocalDate.of(2026, 10, 31), rejectionCode, reason, "WD-" + CASE, Instant.parse("2026-11-25T02:00:05Z"), List.of());
    }

    static RequestPostProcessor person(IdentityNumber who) {
        return jwt().jwt(token -> token.subject("p").claim("idn", who.value()))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYEE"));
    }

    static RequestPostProcessor clerk() {
        return jwt().jwt(token -> token.subject("c")).authorities(new SimpleGrantedAuthority("ROLE_COUNTER_CLERK"));
    }

    static RequestPostProcessor agent() {
        return jwt().jwt(token -> token.subject("a").claim("employer", "11000000000001"))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYER_AGENT"));
    }

    @Test
    void aPersonAppliesForTheirOwnAccountAndSeesTheCardMasked() throws Exception {
        when(service.apply(eq(account), eq(BankAccountNumber.of(CARD)), any())).thenReturn(aCase(WithdrawalState.CLOSED, null, null));

        mvc.perform(post("/api/v1/withdrawals/retirement").with(person(ZHANG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(CASE))
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.payeeAccount").value("6217***********4567"));
    }

    @Test
    void aPersonCannotApplyForSomeoneElsesAccount() throws Exception {
        PersonalAccount other = new PersonalAccount("110000000999", SOMEONE_ELSE, "李四", null, null, null,
                AccountState.NORMAL, null, null, null, Money.parse("1.00"), List.of(), List.of());
        when(accounts.findByIdentityNumber(SOMEONE_ELSE)).thenReturn(Optional.of(other));

        mvc.perform(post("/api/v1/withdrawals/retirement").with(person(SOMEONE_ELSE)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNumber\": \"" + ACCOUNT + "\", \"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isNotFound());
        verify(service, never()).apply(any(), any(), any());
    }

    @Test
    void aClerkNamesTheAccount() throws Exception {
        when(service.apply(eq(account), any(), eq("c"))).thenReturn(aCase(WithdrawalState.PAYING, null, null));

        mvc.perform(post("/api/v1/withdrawals/retirement").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNumber\": \"" + ACCOUNT + "\", \"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PAYING"));
        mvc.perform(post("/api/v1/withdrawals/retirement").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anEmployersAgentMayNotApply() throws Exception {
        mvc.perform(post("/api/v1/withdrawals/retirement").with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNumber\": \"" + ACCOUNT + "\", \"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isForbidden());
        verify(service, never()).apply(any(), any(), any());
    }

    @Test
    void aRefusalIsA422WithTheReasonCode() throws Exception {
        when(service.apply(any(), any(), any())).thenReturn(aCase(WithdrawalState.REJECTED, "RETIREMENT_NOT_CONFIRMED",
                "社会保险信息中没有您的退休记录"));

        mvc.perform(post("/api/v1/withdrawals/retirement").with(person(ZHANG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("RETIREMENT_NOT_CONFIRMED"));
    }

    @Test
    void aCaseIsShownToItsOwnerAndStaffOnly() throws Exception {
        when(service.find(CASE)).thenReturn(Optional.of(aCase(WithdrawalState.CLOSED, null, null)));

        mvc.perform(get("/api/v1/withdrawals/" + CASE).with(person(ZHANG))).andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").exists());
        mvc.perform(get("/api/v1/withdrawals/" + CASE).with(clerk())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/withdrawals/" + CASE).with(person(SOMEONE_ELSE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/withdrawals/" + CASE).with(agent())).andExpect(status().isForbidden());
    }

    @Test
    void staffPayAFailedWithdrawalAgainToAnotherCardAndThePersonMayNot() throws Exception {
        String newCard = "6222021001234567890";
        when(service.payAgain(eq(CASE), eq(BankAccountNumber.of(newCard)), eq("c")))
                .thenReturn(aCase(WithdrawalState.CLOSED, null, null));

        mvc.perform(post("/api/v1/withdrawals/" + CASE + "/payment-attempts").with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bankAccount\": \"" + newCard + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"));
        mvc.perform(post("/api/v1/withdrawals/" + CASE + "/payment-attempts").with(person(ZHANG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bankAccount\": \"" + newCard + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/withdrawals/" + CASE + "/payment-attempts").with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bankAccount\": \"12\"}"))
                .andExpect(status().isBadRequest());
        verify(service).payAgain(any(), any(), any());
    }

    @Test
    void aPaymentThatFailsAgainIsA422WithTheBanksReason() throws Exception {
        when(service.payAgain(any(), any(), any())).thenReturn(aCase(WithdrawalState.PAYMENT_FAILED, "PAYEE_ACCOUNT_CLOSED",
                "The payee account is closed"));

        mvc.perform(post("/api/v1/withdrawals/" + CASE + "/payment-attempts").with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bankAccount\": \"" + CARD + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PAYEE_ACCOUNT_CLOSED"));
    }
}
