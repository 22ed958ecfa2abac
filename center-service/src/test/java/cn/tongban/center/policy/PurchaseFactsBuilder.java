package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data: an application made on 2025-09-01 by an employee with a normal account, 80,000.00 in it and 24 months
 * of continuous contribution, for a new home of their own in the center's city, contract signed 2025-06-01, price
 * 3,000,000.00 of which 2,000,000.00 on loan, nothing withdrawn before, asking for 80,000.00.
 */
final class PurchaseFactsBuilder {

    private LocalDate appliedOn = LocalDate.of(2025, 9, 1);
    private AccountState state = AccountState.NORMAL;
    private Money balance = Money.parse("80000.00");
    private int continuousMonths = 24;
    private Buyer buyer = Buyer.SELF;
    private String homeId = "HOME-0001";
    private HomeKind kind = HomeKind.NEW;
    private boolean inCenterCity = true;
    private LocalDate contractSignedOn = LocalDate.of(2025, 6, 1);
    private LocalDate registeredOn;
    private Money price = Money.parse("3000000.00");
    private Money loan = Money.parse("2000000.00");
    private final List<PastWithdrawal> past = new ArrayList<>();
    private Money familyWithdrawn = Money.ZERO;
    private Money requested = Money.parse("80000.00");

    static PurchaseFactsBuilder aPurchase() {
        return new PurchaseFactsBuilder();
    }

    PurchaseFactsBuilder appliedOn(String day) {
        appliedOn = LocalDate.parse(day);
        return this;
    }

    PurchaseFactsBuilder account(AccountState state) {
        this.state = state;
        return this;
    }

    PurchaseFactsBuilder balance(String yuan) {
        balance = Money.parse(yuan);
        return this;
    }

    PurchaseFactsBuilder continuousMonths(int months) {
        continuousMonths = months;
        return this;
    }

    PurchaseFactsBuilder boughtBy(Buyer buyer) {
        this.buyer = buyer;
        return this;
    }

    PurchaseFactsBuilder contractSignedOn(String day) {
        contractSignedOn = LocalDate.parse(day);
        return this;
    }

    PurchaseFactsBuilder secondHandElsewhere(String registeredOn) {
        kind = HomeKind.SECOND_HAND;
        inCenterCity = false;
        this.registeredOn = registeredOn == null ? null : LocalDate.parse(registeredOn);
        return this;
    }

    PurchaseFactsBuilder secondHandInTheCity(String registeredOn) {
        kind = HomeKind.SECOND_HAND;
        inCenterCity = true;
        this.registeredOn = LocalDate.parse(registeredOn);
        return this;
    }

    PurchaseFactsBuilder priced(String price, String loan) {
        this.price = Money.parse(price);
        this.loan = Money.parse(loan);
        return this;
    }

    PurchaseFactsBuilder withdrewBefore(String day, String homeId, String yuan) {
        past.add(new PastWithdrawal(LocalDate.parse(day), homeId, Money.parse(yuan)));
        return this;
    }

    PurchaseFactsBuilder withdrewBeforeForThisHome(String day, String yuan) {
        return withdrewBefore(day, homeId, yuan);
    }

    PurchaseFactsBuilder familyHasWithdrawnForThisHome(String yuan) {
        familyWithdrawn = Money.parse(yuan);
        return this;
    }

    PurchaseFactsBuilder asking(String yuan) {
        requested = Money.parse(yuan);
        return this;
    }

    PurchaseFacts build() {
        return new PurchaseFacts(appliedOn, state, balance, continuousMonths, buyer,
                new HomePurchase(homeId, kind, inCenterCity, contractSignedOn, registeredOn, price, loan),
                past, familyWithdrawn, requested);
    }
}
