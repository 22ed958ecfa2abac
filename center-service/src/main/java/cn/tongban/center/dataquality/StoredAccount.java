package cn.tongban.center.dataquality;

import cn.tongban.contracts.Money;
import java.time.LocalDate;

/**
 * A personal account as it stands in the database, read field by field without the checks of the domain types, so
 * that what those types would refuse can be reported. Any field may be {@code null}: missing or unreadable.
 *
 * @param identityNumber as stored, perhaps invalid
 * @param state the name of the {@link cn.tongban.center.account.AccountState} as stored, perhaps none of them
 * @param contributionTotal the sum of the recorded monthly contributions (zero when none are recorded)
 * @param contributionMonths how many contributions are recorded
 * @param bankAccount the bank account withdrawals are paid into (银行账号), {@code null} when none is stored
 */
public record StoredAccount(String accountNumber, String identityNumber, String state, LocalDate openedOn,
                            Money balance, Money contributionTotal, int contributionMonths, String bankAccount) {
}
