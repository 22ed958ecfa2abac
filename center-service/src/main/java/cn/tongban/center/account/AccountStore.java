package cn.tongban.center.account;

import cn.tongban.contracts.IdentityNumber;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Personal accounts and employers of this center, in its own database. */
@Repository
public class AccountStore {

    public static final String ACCOUNTS = "accounts";
    public static final String EMPLOYERS = "employers";

    private final MongoOperations mongo;

    public AccountStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on("accountNumber", Sort.Direction.ASC).unique().named("account_number"));
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on("identityNumber", Sort.Direction.ASC).named("identity"));
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on("employerAccountNumber", Sort.Direction.ASC).named("employer"));
        mongo.indexOps(EMPLOYERS).createIndex(new Index().on("accountNumber", Sort.Direction.ASC).unique().named("account_number"));
        mongo.indexOps(EMPLOYERS).createIndex(new Index().on("creditCode", Sort.Direction.ASC).unique().named("credit_code"));
    }

    /**
     * The person's account at this center that is still open, else the most recently opened closed one: a
     * person has at most one open account per center (a new employer reuses it).
     */
    public Optional<PersonalAccount> findByIdentityNumber(IdentityNumber identityNumber) {
        Query query = Query.query(Criteria.where("identityNumber").is(identityNumber.value()))
                .with(Sort.by(Sort.Direction.DESC, "openedOn"));
        return mongo.find(query, PersonalAccount.class, ACCOUNTS).stream()
                .min((a, b) -> Boolean.compare(a.state().isClosed(), b.state().isClosed()));
    }

    public Optional<PersonalAccount> findByAccountNumber(String accountNumber) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accountNumber").is(accountNumber)),
                PersonalAccount.class, ACCOUNTS));
    }

    /** The accounts of a unit's staff, by account number. */
    public java.util.List<PersonalAccount> findByEmployer(String employerAccountNumber, int page, int size) {
        Query query = Query.query(Criteria.where("employerAccountNumber").is(employerAccountNumber))
                .with(Sort.by("accountNumber")).skip((long) page * size).limit(size);
        return mongo.find(query, PersonalAccount.class, ACCOUNTS);
    }

    public long countAccounts() {
        return mongo.estimatedCount(ACCOUNTS);
    }

    /** Inserts in one unordered batch; accounts already there (same account number) are left as they are. */
    public void insertAccounts(Collection<PersonalAccount> accounts) {
        insertAll(ACCOUNTS, accounts);
    }

    public void insertEmployers(Collection<Employer> employers) {
        insertAll(EMPLOYERS, employers);
    }

    private void insertAll(String collection, Collection<?> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        bulk.insert(documents.stream().map(d -> (Object) d).toList());
        try {
            bulk.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException e) {
            boolean onlyDuplicates = e.getErrors().stream().allMatch(error -> error.getCode() == 11000);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
