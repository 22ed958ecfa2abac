package cn.tongban.center.dataquality;

import cn.tongban.center.account.PersonalAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A personal account read from a legacy export, ready to store, with what the account record itself does not hold.
 *
 * @param line the line of the import file it came from
 * @param account the account
 * @param bankAccount the bank card withdrawals are paid into (银行账号, YHZH), or {@code null} when the export has none
 * @param reviewFlags the warnings to check by hand (人工核实), empty when there is nothing to check
 */
public record ImportedAccount(int line, PersonalAccount account, String bankAccount, List<Finding> reviewFlags) {

    public ImportedAccount {
        Objects.requireNonNull(account, "account");
        reviewFlags = List.copyOf(reviewFlags);
        if (reviewFlags.stream().anyMatch(f -> f.code().refusesRow())) {
            throw new IllegalArgumentException("an imported account carries warnings only: " + reviewFlags);
        }
    }

    public ImportedAccount flagged(Finding warning) {
        List<Finding> flags = new ArrayList<>(reviewFlags);
        flags.add(warning);
        return new ImportedAccount(line, account, bankAccount, flags);
    }
}
