package cn.tongban.center.repayment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.loan.PayoffQuote;
import cn.tongban.center.payment.PaymentState;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.ApiProblem;
import cn.tongban.kit.web.WebConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The payoff quote over HTTP: the borrower or a clerk; anyone else does not learn the account exists. */
@WebMvcTest(controllers = RepaymentController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class RepaymentControllerTest {

    static final IdentityNumber ZHANG = IdentityNumber.of("11010519491231002X");
    static final String ACCOUNT = "110000000321";
    static final String CONTRACT = "JK110000-2026-0001";
    static final String PAYOFF = "/api/v1/accounts/" + ACCOUNT + "/loans/" + CONTRACT + "/payoff";

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-25T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LoanPayoffQuotes quotes;

    @MockitoBean
    LoanPayoffService payoffs;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static final String CARD = "6217000010001234567";
    static final String REQUEST = "{\"debitAccount\": \"" + CARD + "\", \"amount\": \"10015.00\"}";

    static PayoffInstruction instruction(PaymentState state) {
        return new PayoffInstruction("PO-" + CONTRACT, ACCOUNT, CONTRACT, CARD, "张三", Money.parse("10015.00"),
                LocalDate.of(2026, 3, 25), "p", state, 1, "BRPO-" + CONTRACT, null, null, Instant.parse("2026-03-25T02:00:00Z"),
                Instant.parse("2026-03-25T02:00:05Z"), state == PaymentState.SETTLED ? Instant.parse("2026-03-25T02:00:05Z") : null,
                state == PaymentState.SETTLED ? LocalDate.of(2026, 3, 25) : null, List.of());
    }

    @BeforeEach
    void aLoan() {
        PersonalAccount account = new PersonalAccount(ACCOUNT, ZHANG, "张三", null, null, null, AccountState.NORMAL, null,
                null, null, Money.parse("1.00"), List.of(), List.of());
        when(quotes.account(ACCOUNT)).thenReturn(account);
        when(quotes.quote(eq(account), eq(CONTRACT), any())).thenAnswer(call -> new PayoffQuote(call.getArgument(2),
                Money.parse("10000.00"), Money.ZERO, 15, Money.parse("15.00"), Money.parse("10015.00")));
        when(quotes.quote(eq(account), eq("LEGACY"), any())).thenThrow(ApiProblem.conflict(LoanPayoffQuotes.NO_CONTRACT_TERMS, "no terms"));
    }

    static RequestPostProcessor person(String idn) {
        return jwt().jwt(token -> token.subject("p").claim("idn", idn)).authorities(new SimpleGrantedAuthority("ROLE_EMPLOYEE"));
    }

    static RequestPostProcessor role(String role) {
        return jwt().jwt(token -> token.subject("s")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void theBorrowerGetsTheQuoteOfTheDayAsked() throws Exception {
        mvc.perform(get(PAYOFF).param("on", "2026-03-25").with(person(ZHANG.value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value("2026-03-25"))
                .andExpect(jsonPath("$.accruedDays").value(15));
    }

    @Test
    void withoutADayItIsToday() throws Exception {
        mvc.perform(get(PAYOFF).with(role("COUNTER_CLERK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value(LocalDate.of(2026, 3, 25).toString()));
    }

    @Test
    void someoneElseIsToldThereIsNoSuchAccountAndAnAgentIsForbidden() throws Exception {
        mvc.perform(get(PAYOFF).with(person("110105198507219116"))).andExpect(status().isNotFound());
        mvc.perform(get(PAYOFF).with(role("EMPLOYER_AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void aLoanWithoutContractTermsIsAConflict() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT + "/loans/LEGACY/payoff").with(role("COUNTER_CLERK")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value(LoanPayoffQuotes.NO_CONTRACT_TERMS));
    }

    @Test
    void theBorrowerPaysOffAndSeesTheSettledDebitWithTheCardMasked() throws Exception {
        when(payoffs.payoff(any(), eq(CONTRACT), eq(BankAccountNumber.of(CARD)), eq(Money.parse("10015.00")), eq("p")))
                .thenReturn(instruction(PaymentState.SETTLED));

        mvc.perform(post(PAYOFF).with(person(ZHANG.value())).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructionId").value("PO-" + CONTRACT))
                .andExpect(jsonPath("$.state").value("SETTLED"))
                .andExpect(jsonPath("$.amount").value("10015.00"))
                .andExpect(jsonPath("$.debitAccount").value("6217***********4567"))
                .andExpect(jsonPath("$.loanClosedOn").value("2026-03-25"));
    }

    @Test
    void anOpenOutcomeIsAccepted() throws Exception {
        when(payoffs.payoff(any(), eq(CONTRACT), any(), any(), anyString())).thenReturn(instruction(PaymentState.UNKNOWN));

        mvc.perform(post(PAYOFF).with(role("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("UNKNOWN"));
    }

    @Test
    void aChangedQuoteIsAConflict() throws Exception {
        when(payoffs.payoff(any(), eq(CONTRACT), any(), any(), anyString()))
                .thenThrow(ApiProblem.conflict(LoanPayoffService.QUOTE_CHANGED, "quote changed"));

        mvc.perform(post(PAYOFF).with(role("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value(LoanPayoffService.QUOTE_CHANGED));
    }

    @Test
    void onlyTheBorrowerOrAClerkMayPayOff() throws Exception {
        mvc.perform(post(PAYOFF).with(person("110105198507219116")).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isNotFound());
        mvc.perform(post(PAYOFF).with(role("EMPLOYER_AGENT")).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isForbidden());
        verify(payoffs, never()).payoff(any(), any(), any(), any(), any());
    }

    @Test
    void aMalformedCardIsABadRequest() throws Exception {
        mvc.perform(post(PAYOFF).with(role("COUNTER_CLERK")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"debitAccount\": \"12ab\", \"amount\": \"10015.00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_DEBIT_ACCOUNT"));
        verify(payoffs, never()).payoff(any(), any(), any(), any(), any());
    }
}
