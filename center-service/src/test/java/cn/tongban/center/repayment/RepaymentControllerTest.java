package cn.tongban.center.repayment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.loan.PayoffQuote;
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
    JwtDecoder jwtDecoder;

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
}
