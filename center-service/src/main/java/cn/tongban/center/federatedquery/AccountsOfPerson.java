package cn.tongban.center.federatedquery;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The federated query's one way into this center's accounts: the person's account, and every holder with the
 * state of their accounts for the index sweep. Kept in one class so that a change of how accounts are stored is
 * mended here.
 */
@Component
class AccountsOfPerson {

    /** One account as the sweep reads it: whose, and whether it is closed. */
    record Holding(IdentityNumber person, boolean open) {
    }

    private final AccountStore accounts;
    private final MongoOperations mongo;

    AccountsOfPerson(AccountStore accounts, MongoOperations mongo) {
        this.accounts = accounts;
        this.mongo = mongo;
    }

    /** The person's account here: the open one, else the latest closed one. */
    Optional<PersonalAccount> accountOf(IdentityNumber person) {
        return accounts.findByIdentityNumber(person);
    }

    /** Every account, by identity number (so one person's accounts come together), reading two fields only. */
    Stream<Holding> holdings() {
        Query query = new Query().with(Sort.by("identityNumber"));
        query.fields().include("identityNumber").include("state");
        return mongo.stream(query, Document.class, AccountStore.ACCOUNTS)
                .filter(document -> document.getString("identityNumber") != null)
                .map(document -> new Holding(IdentityNumber.of(document.getString("identityNumber")),
                        !isClosed(document.getString("state"))));
    }

    private static boolean isClosed(String state) {
        return state != null && AccountState.valueOf(state).isClosed();
    }
}
