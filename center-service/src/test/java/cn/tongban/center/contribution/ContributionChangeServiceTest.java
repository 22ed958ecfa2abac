package cn.tongban.center.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.kit.testing.EmbeddedMongo;
import cn.tongban.kit.testing.MutableClock;
import cn.tongban.kit.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contribution information change against a wire-compatible MongoDB and Beijing's bundled policy. */
class ContributionChangeServiceTest {

    static final String ACCOUNT = "1100000000000042";
    static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    EmbeddedMongo mongo;
    ContributionChangeService service;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo("contribution_test");
        AccountStore store = new AccountStore(mongo.template());
        store.insertAccounts(List.of(new PersonalAccount(ACCOUNT, IdentityNumber.of("11010519491231002X"), "张三",
                "11000000000001", "北京华信数据科技有限公司", LocalDate.of(2015, 3, 1), AccountState.NORMAL,
                Money.parse("12000.00"), new BigDecimal("12"), new BigDecimal("12"), Money.parse("50000.00"), List.of(),
                List.of())));
        service = new ContributionChangeService(mongo.template(), store, PolicyLoader.loadBundled(CenterCode.of("110000")), clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aBaseWithinBeijingsBoundsIsApplied() {
        PersonalAccount changed = service.changeBase(service.account(ACCOUNT), Money.parse("21000.00"), JANUARY, "agent-1");

        assertThat(changed.contributionBase()).isEqualTo(Money.parse("21000.00"));
        assertThat(changed.monthlyAmount()).isEqualTo(Money.parse("5040.00"));
        assertThat(service.history(ACCOUNT)).singleElement().satisfies(change -> {
            assertThat(change.businessType()).isEqualTo("10");
            assertThat(change.from()).isEqualTo("12000.00");
            assertThat(change.to()).isEqualTo("21000.00");
            assertThat(change.by()).isEqualTo("agent-1");
        });
    }

    @Test
    void aBaseAboveTheCapIsRefusedWithTheRuleAndNothingChanges() {
        assertThatThrownBy(() -> service.changeBase(service.account(ACCOUNT), Money.parse("50000.00"), JANUARY, "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("BASE_ABOVE_CAP");
                    assertThat(problem.status().value()).isEqualTo(422);
                });
        assertThat(service.account(ACCOUNT).contributionBase()).isEqualTo(Money.parse("12000.00"));
        assertThat(service.history(ACCOUNT)).isEmpty();
    }

    @Test
    void leavingSealsTheAccountAndJoiningAnotherUnitReopensIt() {
        PersonalAccount sealed = service.seal(service.account(ACCOUNT), "离职", "agent-1");
        assertThat(sealed.state()).isEqualTo(AccountState.SEALED);

        assertThatThrownBy(() -> service.seal(sealed, "离职", "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("ILLEGAL_STATE_CHANGE"));
        assertThatThrownBy(() -> service.changeBase(sealed, Money.parse("15000.00"), JANUARY, "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("ACCOUNT_NOT_NORMAL"));

        PersonalAccount joined = service.unseal(sealed, "11000000000007", "北京新单位有限公司", "agent-7");
        assertThat(joined.state()).isEqualTo(AccountState.NORMAL);
        assertThat(joined.employerAccountNumber()).isEqualTo("11000000000007");
        assertThat(service.history(ACCOUNT)).extracting(AccountChange::businessType).containsExactlyInAnyOrder("05", "04");
    }

    @Test
    void aChangeMadeOnAStaleViewOfTheAccountIsRefused() {
        PersonalAccount stale = service.account(ACCOUNT);
        service.seal(stale, "离职", "agent-1");

        assertThatThrownBy(() -> service.changeBase(stale, Money.parse("15000.00"), JANUARY, "agent-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("CONCURRENT_CHANGE"));
    }
}
