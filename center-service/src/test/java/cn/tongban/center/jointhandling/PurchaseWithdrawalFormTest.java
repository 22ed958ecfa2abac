package cn.tongban.center.jointhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.policy.Buyer;
import cn.tongban.center.policy.HomeKind;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseWithdrawalFormTest {

    private static PurchaseWithdrawalForm verifiedPurchase(LocalDate registeredOn) {
        return new PurchaseWithdrawalForm("WQ-2026-000123", "RE-WQ-2026-000123", HomeKind.NEW, LocalDate.of(2026, 10, 26),
                registeredOn, Money.parse("2860000.00"), Money.parse("1500000.00"), Buyer.SPOUSE, Money.parse("200000.00"),
                BankAccountNumber.of("6222021001234567890"));
    }

    @Test
    void theFormTravelsAsNamedFieldsAndReadsBackTheSame() {
        PurchaseWithdrawalForm form = verifiedPurchase(LocalDate.of(2026, 11, 15));

        assertThat(form.toForm()).containsEntry("buyer", "spouse").containsEntry("price", "2860000.00")
                .containsEntry("registeredOn", "2026-11-15");
        assertThat(PurchaseWithdrawalForm.of(form.toForm())).isEqualTo(form);
        assertThat(PurchaseWithdrawalForm.of(verifiedPurchase(null).toForm()).registeredOn()).isNull();
    }

    @Test
    void theHomeIsElsewhereSeenFromTheContributionCenterAndIdentifiedByItsRegistration() {
        var home = verifiedPurchase(null).home();

        assertThat(home.inCenterCity()).isFalse();
        assertThat(home.homeId()).isEqualTo("RE-WQ-2026-000123");
        assertThat(home.selfPaidPart()).isEqualTo(Money.parse("1360000.00"));
    }

    @Test
    void aMissingOrUnreadableFieldIsNamed() {
        Map<String, String> noCard = new HashMap<>(verifiedPurchase(null).toForm());
        noCard.remove("bankAccount");
        Map<String, String> badBuyer = new HashMap<>(verifiedPurchase(null).toForm());
        badBuyer.put("buyer", "cousin");
        Map<String, String> noLoans = new HashMap<>(verifiedPurchase(null).toForm());
        noLoans.remove("loanAmount");

        assertThatIllegalArgumentException().isThrownBy(() -> PurchaseWithdrawalForm.of(noCard)).withMessageContaining("bankAccount");
        assertThatIllegalArgumentException().isThrownBy(() -> PurchaseWithdrawalForm.of(badBuyer)).withMessageContaining("buyer");
        assertThat(PurchaseWithdrawalForm.of(noLoans).loanAmount()).isEqualTo(Money.ZERO);
    }
}
