package cn.tongban.center.contribution;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.ContributionChange;
import cn.tongban.center.policy.ContributionChangePolicy;
import cn.tongban.center.policy.Decision;
import cn.tongban.contracts.Money;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Contribution information change (单位及个人缴存信息变更, item 05): the contribution base within the
 * center's bounds, a member of staff leaving (封存) or joining (启封). Each change is one conditional
 * single-document update of the account that also records it in the account's history, so a change
 * applied twice or against a stale state is refused rather than doubled.
 */
@Service
class ContributionChangeService {

    /** GJHTQYWLX codes of the national data standard. */
    static final String BASE_ADJUSTMENT = "10";
    static final String UNSEAL = "04";
    static final String SEAL = "05";

    private final MongoOperations mongo;
    private final AccountStore accounts;
    private final ContributionChangePolicy policy;
    private final Clock clock;

    ContributionChangeService(MongoOperations mongo, AccountStore accounts, CenterPolicy centerPolicy, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.policy = new ContributionChangePolicy(centerPolicy);
        this.clock = clock;
    }

    PersonalAccount account(String accountNumber) {
        return accounts.findByAccountNumber(accountNumber)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber));
    }

    /** A new contribution base (缴存基数调整), decided by this center's policy with the account's rates. */
    PersonalAccount changeBase(PersonalAccount account, Money base, LocalDate effectiveOn, String by) {
        if (account.state() != AccountState.NORMAL) {
            throw refused("ACCOUNT_NOT_NORMAL", "only a normal (contributing) account has a base to change; this one is "
                    + account.state().chinese());
        }
        Decision<Money> decision = policy.decide(new ContributionChange(effectiveOn, base, account.unitRate(),
                account.personalRate()));
        if (decision instanceof Decision.Rejected<Money> rejected) {
            throw refused(rejected.reasonCode(), rejected.reason());
        }
        AccountChange change = new AccountChange(clock.instant(), BASE_ADJUSTMENT, "contributionBase",
                account.contributionBase().toString(), base.toString(), effectiveOn, by, null);
        apply(account, List.of(AccountState.NORMAL), new Update().set("contributionBase", base.fen()), change,
                "the account changed meanwhile; look at it again");
        return account(account.accountNumber());
    }

    /** A member of staff leaves the unit (封存): contributions stop, the money stays. */
    PersonalAccount seal(PersonalAccount account, String reason, String by) {
        return move(account, AccountState.SEALED, SEAL, reason, by, new Update());
    }

    /** A person with a sealed account joins a unit (启封): contributions resume under the new employer. */
    PersonalAccount unseal(PersonalAccount account, String employerAccountNumber, String employerName, String by) {
        Update employer = new Update().set("employerAccountNumber", employerAccountNumber).set("employerName", employerName);
        return move(account, AccountState.NORMAL, UNSEAL, "joined " + employerAccountNumber, by, employer);
    }

    private PersonalAccount move(PersonalAccount account, AccountState target, String businessType, String reason,
                                 String by, Update also) {
        if (!account.state().canMoveTo(target)) {
            throw refused("ILLEGAL_STATE_CHANGE", "an account that is " + account.state().chinese() + " cannot become "
                    + target.chinese());
        }
        AccountChange change = new AccountChange(clock.instant(), businessType, "state", account.state().code(),
                target.code(), LocalDate.now(clock), by, reason);
        List<AccountState> from = java.util.Arrays.stream(AccountState.values()).filter(s -> s.canMoveTo(target)).toList();
        apply(account, from, also.set("state", target.name()), change, "the account changed meanwhile; look at it again");
        return account(account.accountNumber());
    }

    private void apply(PersonalAccount account, List<AccountState> allowed, Update update, AccountChange change,
                       String conflict) {
        Document stored = new Document();
        mongo.getConverter().write(change, stored);
        stored.remove("_class");
        update.push(AccountChange.FIELD, stored);
        // the account as the caller read it: any write since (rev) or a state not allowed is a conflict
        if (!allowed.contains(account.state()) || !accounts.compareAndSet(account, update)) {
            throw ApiProblem.conflict("CONCURRENT_CHANGE", conflict);
        }
    }

    /** The changes recorded on an account, newest first. */
    List<AccountChange> history(String accountNumber) {
        Query query = Query.query(Criteria.where(AccountStore.ID).is(accountNumber));
        query.fields().include(AccountChange.FIELD);
        Document document = mongo.findOne(query, Document.class, AccountStore.ACCOUNTS);
        if (document == null) {
            throw ApiProblem.notFound("NO_SUCH_ACCOUNT", "no account " + accountNumber);
        }
        List<Document> changes = document.getList(AccountChange.FIELD, Document.class, List.of());
        return changes.stream().map(c -> mongo.getConverter().read(AccountChange.class, c))
                .sorted((a, b) -> b.at().compareTo(a.at())).toList();
    }

    private static ApiProblem refused(String code, String reason) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, reason, List.of());
    }
}
