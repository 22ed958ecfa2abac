package cn.tongban.center.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.center.ledger.AnnualRate;
import cn.tongban.center.loan.RepaymentMethod;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.security.SecurityConfiguration;
import cn.tongban.kit.web.WebConfiguration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Information query: who sees which account, and what they see. */
@WebMvcTest(controllers = AccountQueryController.class, properties = "spring.config.name=center")
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
class AccountQueryControllerTest {

    static final IdentityNumber WANG = IdentityNumber.of("110105198507219116");
    static final IdentityNumber SOMEONE_ELSE = IdentityNumber.of("11010519491231002X");
    static final String ACCOUNT = "1100000000000001";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountStore accounts;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @BeforeEach
    void anAccountWithALoan() {
        LoanRecord loan = new LoanRecord("JK110000-2022-001187", Money.parse("120000.00"), LocalDate.of(2025, 6, 10), 12,
                Money.parse("120000.00"), null, AnnualRate.percent("2.6"), RepaymentMethod.EQUAL_PRINCIPAL);
        PersonalAccount account = new PersonalAccount(ACCOUNT, WANG, "王建国", "11000000000001", "北京华信数据科技有限公司",
                LocalDate.of(2012, 7, 16), AccountState.NORMAL, Money.parse("18500.00"), new BigDecimal("12"),
                new BigDecimal("12"), Money.parse("8880.00"),
                List.of(new ContributionMonth(YearMonth.of(2026, 9), Money.parse("4440.00"), false),
                        new ContributionMonth(YearMonth.of(2026, 10), Money.parse("4440.00"), false)),
                List.of(loan));
        when(accounts.findByAccountNumber(ACCOUNT)).thenReturn(Optional.of(account));
        when(accounts.findByIdentityNumber(WANG)).thenReturn(Optional.of(account));
        when(accounts.findByEmployer(any(), any(Integer.class), any(Integer.class))).thenReturn(List.of(account));
    }

    private static RequestPostProcessor person(IdentityNumber who) {
        return jwt().jwt(token -> token.subject("p").claim("idn", who.value()))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYEE"));
    }

    private static RequestPostProcessor agentOf(String unit) {
        return jwt().jwt(token -> token.subject("a").claim("employer", unit))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYER_AGENT"));
    }

    private static RequestPostProcessor clerk() {
        return jwt().jwt(token -> token.subject("c")).authorities(new SimpleGrantedAuthority("ROLE_COUNTER_CLERK"));
    }

    @Test
    void aPersonSeesTheirOwnAccountWithTheirWholeIdentityNumber() throws Exception {
        mvc.perform(get("/api/v1/accounts/me").with(person(WANG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identityNumber").value(WANG.value()))
                .andExpect(jsonPath("$.balance").value("8880.00"))
                .andExpect(jsonPath("$.monthlyAmount").value("4440.00"))
                .andExpect(jsonPath("$.paidUpTo").value("2026-10"))
                .andExpect(jsonPath("$.contributions[0].month").value("2026-10"))
                .andExpect(jsonPath("$.loans[0].method").value("EQUAL_PRINCIPAL"));
    }

    @Test
    void aPersonCannotSeeSomeoneElsesAccountNorLearnThatItExists() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT).with(person(SOMEONE_ELSE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_SUCH_ACCOUNT"));
    }

    @Test
    void anEmployersAgentSeesItsOwnStaffOnly() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT).with(agentOf("11000000000001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identityNumber").value("110105********9116"));
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT).with(agentOf("11000000000002")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/employers/11000000000002/accounts").with(agentOf("11000000000001")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_UNIT"));
        mvc.perform(get("/api/v1/employers/11000000000001/accounts").with(agentOf("11000000000001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].accountNumber").value(ACCOUNT));
    }

    @Test
    void aPersonCannotListAUnitsStaff() throws Exception {
        mvc.perform(get("/api/v1/employers/11000000000001/accounts").with(person(WANG)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theScheduleOfAnEqualPrincipalLoanIsComputedFromItsContract() throws Exception {
        // 120,000.00 over 12 months at 2.6%: 10,000.00 principal a month; first month's interest 120,000 × 2.6% / 12 = 260.00
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT + "/loans/JK110000-2022-001187/schedule").with(clerk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[0].principal").value("10000.00"))
                .andExpect(jsonPath("$[0].interest").value("260.00"))
                .andExpect(jsonPath("$[11].outstandingAfter").value("0.00"));
    }

    @Test
    void withoutATokenNothingIsShown() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + ACCOUNT)).andExpect(status().isUnauthorized());
    }
}
