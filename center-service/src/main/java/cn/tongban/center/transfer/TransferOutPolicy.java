package cn.tongban.center.transfer;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.policy.Decision;
import cn.tongban.contracts.casefile.Applicant;
import java.util.Optional;

/**
 * The old center's check of a contact letter (联系函复核): is there an account of this person here that can be
 * transferred? Refusals carry the national status 13 转出审核不通过 with the reason.
 */
public final class TransferOutPolicy {

    public static final String NO_ACCOUNT = "NO_ACCOUNT";
    public static final String NAME_MISMATCH = "NAME_MISMATCH";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String ACCOUNT_FROZEN = "ACCOUNT_FROZEN";
    public static final String NOTHING_TO_TRANSFER = "NOTHING_TO_TRANSFER";

    private TransferOutPolicy() {
    }

    /** The account to transfer, or why there is none. */
    public static Decision<PersonalAccount> check(Optional<PersonalAccount> found, Applicant applicant) {
        if (found.isEmpty() || !found.get().identityNumber().equals(applicant.identityNumber())) {
            return Decision.rejected(NO_ACCOUNT, "本中心无该职工的个人账户");
        }
        PersonalAccount account = found.get();
        if (account.name() != null && !account.name().equals(applicant.name())) {
            return Decision.rejected(NAME_MISMATCH, "姓名与本中心登记不一致");
        }
        if (account.state().isClosed()) {
            return Decision.rejected(ACCOUNT_CLOSED, "个人账户已" + account.state().chinese());
        }
        if (!account.state().canMoveTo(AccountState.TRANSFERRED_OUT)) {
            return Decision.rejected(ACCOUNT_FROZEN, "个人账户状态为" + account.state().chinese() + "，不能转出");
        }
        if (account.ledgerBalance().fen() <= 0) {
            return Decision.rejected(NOTHING_TO_TRANSFER, "个人账户余额为零，无资金可转移");
        }
        return Decision.approved(account);
    }
}
