package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import java.util.Optional;

/** The account states in which a center pays nothing out, shared by the withdrawal and loan policies. */
final class AccountChecks {

    static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    static final String ACCOUNT_FROZEN = "ACCOUNT_FROZEN";
    static final String ACCOUNT_STATE_UNKNOWN = "ACCOUNT_STATE_UNKNOWN";

    private AccountChecks() {
    }

    /** Why an account in {@code state} cannot serve {@code business} (e.g. 提取), or empty when it can. */
    static <T> Optional<Decision.Rejected<T>> unusable(AccountState state, String business) {
        if (state.isClosed()) {
            return Optional.of(Decision.rejected(ACCOUNT_CLOSED, "住房公积金账户已销户（" + state.chinese() + "），不能办理" + business));
        }
        if (state == AccountState.FROZEN) {
            return Optional.of(Decision.rejected(ACCOUNT_FROZEN, "住房公积金账户已冻结，暂不能办理" + business));
        }
        if (state == AccountState.OTHER) {
            return Optional.of(Decision.rejected(ACCOUNT_STATE_UNKNOWN, "住房公积金账户状态待核实，请先到缴存地中心核实账户"));
        }
        return Optional.empty();
    }
}
