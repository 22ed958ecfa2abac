package cn.tongban.center.repayment;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.loan.Installment;
import cn.tongban.center.loan.Loan;
import cn.tongban.center.loan.LoanChange;
import cn.tongban.center.loan.LoanContract;
import cn.tongban.center.loan.PayoffQuote;
import cn.tongban.kit.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Early full repayment (提前还清, item 08): what repaying a fund loan in full costs on a day, from the loan domain
 * ({@link Loan#payoffOn}).
 *
 * <p>The account keeps a loan as a {@link LoanRecord}: contract terms and the outstanding principal, not the repayments
 * themselves. The loan is rebuilt from the contract and the regular installments that bring the principal down to the
 * recorded outstanding principal, each paid on its due date; installments due after those are unpaid (arrears), and
 * their interest is part of the payoff. A record without rate or method ({@value #NO_CONTRACT_TERMS}) or whose
 * outstanding principal is not a point of the schedule ({@value #OUTSTANDING_OFF_SCHEDULE}: partial prepayments of an
 * older system) cannot be quoted here and goes to a clerk. The contract rate applies throughout, as in the schedule
 * shown to the person.
 */
@Service
public class LoanPayoffQuotes {

    public static final String NO_CONTRACT_TERMS = "NO_CONTRACT_TERMS";
    public static final String OUTSTANDING_OFF_SCHEDULE = "OUTSTANDING_OFF_SCHEDULE";
    public static final String LOAN_REPAID = "LOAN_REPAID";
    public static final String BEFORE_GRANT = "BEFORE_GRANT";

    private final AccountStore accounts;

    public LoanPayoffQuotes(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The store the loans are read from, and written to when one is paid off. */
    AccountStore accounts() {
        return accounts;
    }

    /** The payoff of {@code account}'s loan {@code contractNumber} on {@code day}. */
    public PayoffQuote quote(PersonalAccount account, String contractNumber, LocalDate day) {
        LoanRecord record = loanOf(account, contractNumber);
        if (record.isRepaid()) {
            throw ApiProblem.conflict(LOAN_REPAID, "贷款 " + contractNumber + " 已于 " + record.repaidOn() + " 结清");
        }
        if (day.isBefore(record.grantedOn())) {
            throw ApiProblem.badRequest(BEFORE_GRANT, "贷款 " + contractNumber + " 于 " + record.grantedOn() + " 发放，"
                    + day + " 尚无贷款可还");
        }
        return rebuild(record).payoffOn(day);
    }

    PersonalAccount account(String accountNumber) {
        return accounts.findByAccountNumber(accountNumber)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber));
    }

    static LoanRecord loanOf(PersonalAccount account, String contractNumber) {
        return account.loans().stream().filter(l -> l.contractNumber().equals(contractNumber)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_LOAN", "no loan " + contractNumber + " on this account"));
    }

    /** The loan as the record stands: the contract with its regular installments paid down to the outstanding principal. */
    static Loan rebuild(LoanRecord record) {
        if (record.annualRate() == null || record.method() == null) {
            throw ApiProblem.conflict(NO_CONTRACT_TERMS, "loan " + record.contractNumber()
                    + " was taken over from an older system without its rate and repayment method");
        }
        Loan loan = Loan.granted(new LoanContract(record.contractNumber(), record.principal(), record.annualRate(),
                record.termMonths(), record.grantedOn(), record.method()));
        List<Installment> installments = loan.schedule().installments();
        long remaining = record.principal().fen();
        int paid = 0;
        while (remaining > record.outstandingPrincipal().fen() && paid < installments.size()) {
            remaining -= installments.get(paid).principal().fen();
            paid++;
        }
        if (remaining != record.outstandingPrincipal().fen()) {
            throw ApiProblem.conflict(OUTSTANDING_OFF_SCHEDULE, "贷款 " + record.contractNumber() + " 的剩余本金 "
                    + record.outstandingPrincipal() + " 元与还款计划不符（可能有过部分提前还款），请到柜台办理");
        }
        for (int k = 0; k < paid; k++) {
            Installment installment = installments.get(k);
            LoanChange change = loan.repay("SCHED-" + installment.number(), installment.dueDate(), installment.total());
            if (!(change instanceof LoanChange.Applied applied)) {
                throw new IllegalStateException("installment " + installment.number() + " of " + record.contractNumber()
                        + " could not be replayed: " + change);
            }
            loan = applied.loan();
        }
        return loan;
    }
}
