package cn.tongban.center.account;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's provident-fund account at this center (个人账户).
 *
 * @param accountNumber personal account number (个人账号, GRZH)
 * @param contributionBase monthly contribution base (缴存基数, GRJCJS)
 * @param contributions months paid, in any order
 * @param loans provident-fund loans taken at this center
 */
public record PersonalAccount(String accountNumber, IdentityNumber identityNumber, String name,
                              String employerAccountNumber, String employerName, LocalDate openedOn,
                              AccountState state, Money contributionBase, BigDecimal unitRate,
                              BigDecimal personalRate, Money balance, List<ContributionMonth> contributions,
                              List<LoanRecord> loans) {

    public PersonalAccount {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(identityNumber, "identityNumber");
        Objects.requireNonNull(state, "state");
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        loans = loans == null ? List.of() : List.copyOf(loans);
    }

    /** Monthly amount (月缴存额) = base × unit rate + base × personal rate, each part rounded to the fen. */
    public Money monthlyAmount() {
        return contributionBase.timesPercent(unitRate).plus(contributionBase.timesPercent(personalRate));
    }

    /** The last month paid (缴至年月), if any. */
    public Optional<YearMonth> paidUpTo() {
        return contributions.stream().map(ContributionMonth::month).max(Comparator.naturalOrder());
    }
}
