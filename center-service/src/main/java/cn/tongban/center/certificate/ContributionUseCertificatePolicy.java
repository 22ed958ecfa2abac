package cn.tongban.center.certificate;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.proxy.CertificateAccountState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanHistory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether the home center issues a contribution-and-use certificate for a loan elsewhere
 * (贷款职工住房公积金缴存使用证明), and what it says, from the account held here.
 *
 * <p>Refused, in this order: a name at the counter that is not the account holder's ({@value #NAME_MISMATCH}),
 * first so that a wrong name learns nothing about the account; a closed account ({@value #ACCOUNT_CLOSED}); a frozen account ({@value #ACCOUNT_FROZEN}). No account at
 * all is the caller's finding: {@link #noAccount()} ({@value #NO_SUCH_ACCOUNT}).
 *
 * <p>Otherwise issued, as the national template prints it:
 * <ul>
 *   <li>account state 正常 or 封存, or 欠款 (in arrears) when a normal account's last paid month lies before
 *       the month before the day of issue (issued in November, October must be paid); an account that has
 *       never paid counts as paid up to the month before it was opened; any other state prints 其他;</li>
 *   <li>the continuous period (连续缴存) is the run of consecutive months ending with the last month paid: a
 *       missing month breaks it, a month paid twice (a back payment for a month already paid) counts once;
 *       none when nothing was ever paid;</li>
 *   <li>loan history: none, one repaid, two or more repaid, or outstanding as soon as any loan is not repaid;</li>
 *   <li>valid for two months from the day of issue (to the same day of the month two months on).</li>
 * </ul>
 */
public final class ContributionUseCertificatePolicy {

    public static final String NO_SUCH_ACCOUNT = "NO_SUCH_ACCOUNT";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String NAME_MISMATCH = "NAME_MISMATCH";
    public static final String ACCOUNT_FROZEN = "ACCOUNT_FROZEN";

    /** How long a certificate stays valid after the day of issue. */
    public static final int VALID_MONTHS = 2;

    private ContributionUseCertificatePolicy() {
    }

    /** The refusal when no account is held here for the identity number asked about. */
    public static CertificateDecision.Refused noAccount() {
        return new CertificateDecision.Refused(NO_SUCH_ACCOUNT, "本中心未查询到该身份证号码的住房公积金个人账户");
    }

    /**
     * @param account the account held here for the applicant's identity number
     * @param applicantName the name given at the counter, compared with the account holder's after trimming
     * @param issuingCenter this center, printed as the issuer
     * @param issuingCenterName this center's name as printed, e.g. 北京住房公积金管理中心
     * @param lendingCity the city whose center will lend (贷款城市)
     * @param certificateNumber the number printed on the certificate (证明编号)
     * @param handler the handler printed on the certificate (经办人)
     * @param handlerPhone the handler's phone (联系电话)
     * @param today the day of issue, in China
     */
    public static CertificateDecision decide(PersonalAccount account, String applicantName, CenterCode issuingCenter,
                                             String issuingCenterName, String lendingCity, String certificateNumber,
                                             String handler, String handlerPhone, LocalDate today) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(issuingCenter, "issuingCenter");
        Objects.requireNonNull(today, "today");
        if (!sameName(applicantName, account.name())) {
            // the reason must not tell the counter whose account the number belongs to
            return new CertificateDecision.Refused(NAME_MISMATCH, "申请人姓名与住房公积金账户姓名不一致，请核对后重新申请");
        }
        if (account.state().isClosed()) {
            return new CertificateDecision.Refused(ACCOUNT_CLOSED,
                    "该住房公积金个人账户已销户（" + account.state().chinese() + "），不能出具缴存使用证明");
        }
        if (account.state() == AccountState.FROZEN) {
            return new CertificateDecision.Refused(ACCOUNT_FROZEN,
                    "该住房公积金个人账户已冻结，暂不能出具缴存使用证明，请联系缴存地住房公积金中心");
        }
        Optional<ContinuousPeriod> period = continuousPeriod(account.contributions());
        return new CertificateDecision.Issued(new ContributionUseCertificate(
                certificateNumber,
                issuingCenter,
                issuingCenterName,
                account.name().strip(),
                account.identityNumber(),
                account.employerName(),
                account.accountNumber(),
                account.openedOn(),
                printedState(account, today),
                account.contributionBase(),
                account.unitRate(),
                account.personalRate(),
                account.monthlyAmount(),
                account.balance(),
                ChineseMoneyWords.of(account.balance()),
                period.map(ContinuousPeriod::from).orElse(null),
                period.map(ContinuousPeriod::to).orElse(null),
                loanHistory(account.loans()),
                lendingCity,
                today,
                today.plusMonths(VALID_MONTHS),
                handler,
                handlerPhone,
                ContributionUseCertificate.DECLARATION));
    }

    static boolean sameName(String atCounter, String ofAccount) {
        return atCounter != null && ofAccount != null && atCounter.strip().equals(ofAccount.strip());
    }

    static CertificateAccountState printedState(PersonalAccount account, LocalDate today) {
        return switch (account.state()) {
            case NORMAL -> isInArrears(account, today) ? CertificateAccountState.ARREARS : CertificateAccountState.NORMAL;
            case SEALED -> CertificateAccountState.SEALED;
            default -> CertificateAccountState.OTHER;
        };
    }

    private static boolean isInArrears(PersonalAccount account, LocalDate today) {
        YearMonth due = YearMonth.from(today).minusMonths(1);
        Optional<YearMonth> paidUpTo = account.paidUpTo()
                .or(() -> Optional.ofNullable(account.openedOn()).map(opened -> YearMonth.from(opened).minusMonths(1)));
        return paidUpTo.map(paid -> paid.isBefore(due)).orElse(true);
    }

    /** The first and last month of the run of consecutive months paid that ends with the last one paid. */
    public record ContinuousPeriod(YearMonth from, YearMonth to) {
    }

    public static Optional<ContinuousPeriod> continuousPeriod(List<ContributionMonth> contributions) {
        TreeSet<YearMonth> months = new TreeSet<>();
        contributions.forEach(c -> months.add(c.month()));
        if (months.isEmpty()) {
            return Optional.empty();
        }
        YearMonth last = months.last();
        YearMonth first = last;
        while (months.contains(first.minusMonths(1))) {
            first = first.minusMonths(1);
        }
        return Optional.of(new ContinuousPeriod(first, last));
    }

    static LoanHistory loanHistory(List<LoanRecord> loans) {
        if (loans.isEmpty()) {
            return LoanHistory.NONE;
        }
        if (loans.stream().anyMatch(loan -> !loan.isRepaid())) {
            return LoanHistory.OUTSTANDING;
        }
        return loans.size() == 1 ? LoanHistory.ONE_REPAID : LoanHistory.TWO_OR_MORE_REPAID;
    }
}
