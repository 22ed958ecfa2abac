package cn.tongban.center.jointhandling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.certificate.ContributionUseCertificatePolicy;
import cn.tongban.center.demo.DemoDataGenerator;
import cn.tongban.center.policy.Buyer;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.Decision;
import cn.tongban.center.policy.HomeKind;
import cn.tongban.center.policy.HomePurchase;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.center.policy.PurchaseFacts;
import cn.tongban.center.policy.PurchaseWithdrawalPolicy;
import cn.tongban.center.policy.RetirementFacts;
import cn.tongban.center.policy.RetirementWithdrawalPolicy;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's people for items 06 (joint) and 03 (by proxy) get what the walk-through says, by Beijing's policy. */
class WalkthroughPeopleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final CenterPolicy BEIJING = PolicyLoader.loadBundled(CenterCode.of("110000"));

    private static PersonalAccount person(String name) {
        return DemoDataGenerator.walkthroughPeople(CenterCode.of("110000"), YearMonth.of(2026, 10)).stream()
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sunXiaomingMayWithdrawForTheHomeHeBoughtInShanghai() {
        PersonalAccount sun = person("孙晓明");
        int continuous = ContributionUseCertificatePolicy.continuousPeriod(sun.contributions())
                .map(ContributionUseCertificatePolicy.ContinuousPeriod::months).orElse(0);
        HomePurchase home = new HomePurchase("RE-WQ-RECENT-000001", HomeKind.NEW, false, TODAY.minusDays(30),
                TODAY.minusDays(10), Money.parse("2860000.00"), Money.ZERO);

        Decision<Money> decision = new PurchaseWithdrawalPolicy(BEIJING).decide(new PurchaseFacts(TODAY, sun.state(),
                sun.balance(), continuous, Buyer.SELF, home, List.of(), Money.ZERO, Money.parse("80000.00")));

        assertThat(decision).isEqualTo(Decision.approved(Money.parse("80000.00")));
    }

    @Test
    void maYulanWhoRetiredIn2023MayWithdrawHerWholeBalance() {
        PersonalAccount ma = person("马玉兰");

        Decision<Money> decision = new RetirementWithdrawalPolicy(BEIJING).decide(new RetirementFacts(TODAY, ma.state(),
                ma.balance(), LocalDate.of(2023, 9, 12), false));

        assertThat(ma.balance().fen()).isPositive();
        assertThat(decision).isEqualTo(Decision.approved(ma.balance()));
    }
}
