package cn.tongban.center.policy;

import cn.tongban.center.account.AccountState;
import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an employee may withdraw on retirement (离休退休提取): by 《住房公积金管理条例》 art. 24 the whole balance,
 * after which the account is closed (提取销户). Retirement is what the social-security record says.
 *
 * <p>Rejected, in this order: no policy in force ({@value CenterPolicy#NO_POLICY_IN_FORCE}); a closed, frozen or
 * unclear account ({@value #ACCOUNT_CLOSED}, {@value #ACCOUNT_FROZEN}, {@value #ACCOUNT_STATE_UNKNOWN}); no retirement
 * in the social-security record ({@value #RETIREMENT_NOT_CONFIRMED}) or one dated after the application
 * ({@value #NOT_YET_RETIRED}); where the center wants it, an account not yet sealed by the employer
 * ({@value #ACCOUNT_NOT_SEALED}) or a fund loan not yet repaid ({@value #LOAN_OUTSTANDING}); a balance of zero
 * ({@value #NO_BALANCE}). Otherwise approved: the whole balance.
 */
public final class RetirementWithdrawalPolicy {

    public static final String ACCOUNT_CLOSED = AccountChecks.ACCOUNT_CLOSED;
    public static final String ACCOUNT_FROZEN = AccountChecks.ACCOUNT_FROZEN;
    public static final String ACCOUNT_STATE_UNKNOWN = AccountChecks.ACCOUNT_STATE_UNKNOWN;
    public static final String RETIREMENT_NOT_CONFIRMED = "RETIREMENT_NOT_CONFIRMED";
    public static final String NOT_YET_RETIRED = "NOT_YET_RETIRED";
    public static final String ACCOUNT_NOT_SEALED = "ACCOUNT_NOT_SEALED";
    public static final String LOAN_OUTSTANDING = "LOAN_OUTSTANDING";
    public static final String NO_BALANCE = "NO_BALANCE";

    private final CenterPolicy policy;

    public RetirementWithdrawalPolicy(CenterPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Decision<Money> decide(RetirementFacts facts) {
        Objects.requireNonNull(facts, "facts");
        LocalDate day = facts.appliedOn();
        Optional<PolicyVersion> version = policy.versionOn(day);
        if (version.isEmpty()) {
            return policy.noPolicyInForce(day);
        }
        RetirementWithdrawalRules rules = version.get().retirementWithdrawal();
        Optional<Decision.Rejected<Money>> unusable = AccountChecks.unusable(facts.accountState(), "退休提取");
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (facts.retiredOn() == null) {
            return Decision.rejected(RETIREMENT_NOT_CONFIRMED, "社会保险信息中没有您的退休记录；请先办理退休手续，或持退休证明到中心核实");
        }
        if (facts.retiredOn().isAfter(day)) {
            return Decision.rejected(NOT_YET_RETIRED, "社会保险信息记载的退休日期为 " + facts.retiredOn() + "，届时方可申请退休提取");
        }
        if (rules.accountMustBeSealed() && facts.accountState() == AccountState.NORMAL) {
            return Decision.rejected(ACCOUNT_NOT_SEALED, policy.name() + "要求退休提取前由单位办理账户封存，您的账户仍为正常缴存状态");
        }
        if (rules.outstandingLoanMustBeRepaid() && facts.hasOutstandingFundLoan()) {
            return Decision.rejected(LOAN_OUTSTANDING, "您有尚未还清的住房公积金贷款，请先结清贷款再办理退休提取");
        }
        if (facts.balance().fen() == 0) {
            return Decision.rejected(NO_BALANCE, "住房公积金账户余额为零");
        }
        return Decision.approved(facts.balance());
    }
}
