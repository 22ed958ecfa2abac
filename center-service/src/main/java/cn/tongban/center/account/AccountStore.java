package cn.tongban.center.account;

import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.ledger.Posting;
import cn.tongban.contracts.IdentityNumber;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Personal accounts and employers of this center, in its own database. An account is one document keyed by its
 * account number ({@code _id}) that carries its ledger; every write reads it by {@code _id} and writes with a
 * compare-and-set on {@code {_id, rev}}, so a write costs the same however many accounts there are and two
 * concurrent writes cannot both apply to the same state. The only other lookups (by identity number, by employer)
 * have an index with exactly the query's keys (docs/adr/0007).
 */
@Repository
public class AccountStore {

    public static final String ACCOUNTS = "accounts";
    public static final String EMPLOYERS = "employers";
    /**
     * One document per account holder: {@code _id} the identity number, {@code accounts} the numbers of the person's
     * accounts here. The embedded server uses unique indexes only, and an identity number is not unique among
     * accounts (a closed one and an open one), so the lookup by identity number goes by this {@code _id}.
     */
    public static final String HOLDERS = "account_holders";
    /** Stored fields of an account document that other capabilities query or update. */
    public static final String ID = "_id";
    public static final String REVISION = "rev";
    public static final String IDENTITY_NUMBER = "identityNumber";
    public static final String EMPLOYER = "employerAccountNumber";
    public static final String ENTRIES = "entries";
    public static final String BALANCE = "balance";
    public static final String STATE = "state";
    static final String HOLDER_ACCOUNTS = "accounts";

    /** How often a write is tried again when the account changed between reading and writing it. */
    private static final int ATTEMPTS = 16;

    private final MongoOperations mongo;

    public AccountStore(MongoOperations mongo) {
        this.mongo = mongo;
        createIndexes(mongo);
    }

    /** The account indexes; other stores that write accounts (the legacy import) create them too. */
    public static void createIndexes(MongoOperations mongo) {
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on(ID, Sort.Direction.ASC).on(REVISION, Sort.Direction.ASC)
                .unique().named("id_revision"));
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on(IDENTITY_NUMBER, Sort.Direction.ASC).named("identity"));
        mongo.indexOps(ACCOUNTS).createIndex(new Index().on(EMPLOYER, Sort.Direction.ASC).named("employer"));
        mongo.indexOps(EMPLOYERS).createIndex(new Index().on("accountNumber", Sort.Direction.ASC).unique().named("account_number"));
        mongo.indexOps(EMPLOYERS).createIndex(new Index().on("creditCode", Sort.Direction.ASC).unique().named("credit_code"));
    }

    /**
     * The person's account at this center that is still open, else the most recently opened closed one: a
     * person has at most one open account per center (a new employer reuses it). Read by {@code _id} twice: the
     * holder's document ({@value #HOLDERS}) names the person's accounts, which are read and ordered here.
     */
    public Optional<PersonalAccount> findByIdentityNumber(IdentityNumber identityNumber) {
        Document holder = mongo.findOne(byId(identityNumber.value()), Document.class, HOLDERS);
        if (holder == null) {
            return Optional.empty();
        }
        List<String> numbers = holder.getList(HOLDER_ACCOUNTS, String.class, List.of());
        return numbers.stream().map(this::findByAccountNumber).flatMap(Optional::stream)
                .filter(account -> account.identityNumber().equals(identityNumber))
                .min(Comparator.<PersonalAccount, Boolean>comparing(a -> a.state().isClosed())
                        .thenComparing(PersonalAccount::openedOn, Comparator.nullsLast(Comparator.reverseOrder())));
    }

    public Optional<PersonalAccount> findByAccountNumber(String accountNumber) {
        return Optional.ofNullable(mongo.findOne(byId(accountNumber), Document.class, ACCOUNTS)).map(this::read);
    }

    /** The accounts of a unit's staff, by account number. */
    public List<PersonalAccount> findByEmployer(String employerAccountNumber, int page, int size) {
        Query query = Query.query(Criteria.where(EMPLOYER).is(employerAccountNumber))
                .with(Sort.by(ID)).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, ACCOUNTS).stream().map(this::read).toList();
    }

    /** Every account, in no particular order, read lazily (for the nightly jobs). */
    public Stream<PersonalAccount> streamAll() {
        return mongo.stream(new Query(), Document.class, ACCOUNTS).map(this::read);
    }

    public long countAccounts() {
        return mongo.estimatedCount(ACCOUNTS);
    }

    /**
     * Inserts in one unordered batch; accounts already there (same account number) are left as they are. The holders'
     * documents are written first, so an account is never there without its holder naming it.
     */
    public void insertAccounts(Collection<PersonalAccount> accounts) {
        registerHolders(mongo, accounts);
        insertAll(ACCOUNTS, accounts.stream().map(a -> (Object) document(a)).toList());
    }

    /** Adds each account's number to its holder's document ({@value #HOLDERS}), creating it if needed. */
    public static void registerHolders(MongoOperations mongo, Collection<PersonalAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HOLDERS);
        for (PersonalAccount account : accounts) {
            bulk.upsert(byId(account.identityNumber().value()), new Update().addToSet(HOLDER_ACCOUNTS, account.accountNumber()));
        }
        bulk.execute();
    }

    public void insertEmployers(Collection<Employer> employers) {
        insertAll(EMPLOYERS, employers.stream().map(e -> (Object) e).toList());
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    /**
     * Posts {@code entry} to the account's ledger (记账) in one single-document write that also stores the new
     * balance and whatever {@code also} adds (a change of state, a history record). The entry's serial number
     * comes from its business source, so posting it again answers {@link AccountPosting.Posted#earlier()} and
     * changes nothing. Refused when the ledger refuses (a balance below zero, a backdated entry …) or when
     * {@code condition} answers a refusal for the account as read.
     */
    public AccountPosting post(String accountNumber, LedgerEntry entry,
                               Function<PersonalAccount, Optional<AccountPosting.Refused>> condition,
                               Function<PersonalAccount, Update> also) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<PersonalAccount> read = findByAccountNumber(accountNumber);
            if (read.isEmpty()) {
                return new AccountPosting.Refused(AccountPosting.Refused.NO_SUCH_ACCOUNT, "没有个人账号 " + accountNumber);
            }
            PersonalAccount account = read.get();
            Optional<LedgerEntry> earlier = account.entries().stream()
                    .filter(e -> e.serialNumber().equals(entry.serialNumber())).findFirst();
            if (earlier.isPresent()) {
                return new AccountPosting.Posted(account, earlier.get(), true);
            }
            Optional<AccountPosting.Refused> refused = condition.apply(account);
            if (refused.isPresent()) {
                return refused.get();
            }
            Posting posting = account.ledger().post(entry);
            if (posting instanceof Posting.Refused no) {
                return new AccountPosting.Refused(no.reasonCode(), no.reason());
            }
            Update update = also.apply(account).push(ENTRIES, entryDocument(entry))
                    .set(BALANCE, ((Posting.Posted) posting).ledger().balance().fen());
            if (compareAndSet(account, update)) {
                return findByAccountNumber(accountNumber)
                        .<AccountPosting>map(after -> new AccountPosting.Posted(after, entry, false))
                        .orElseThrow(() -> new IllegalStateException("account " + accountNumber + " vanished"));
            }
        }
        return new AccountPosting.Refused(AccountPosting.Refused.CONCURRENT_CHANGE, "账户 " + accountNumber
                + " 正在被频繁变更，请稍后重试");
    }

    /** Posts {@code entry} with no condition and nothing else changed. */
    public AccountPosting post(String accountNumber, LedgerEntry entry) {
        return post(accountNumber, entry, account -> Optional.empty(), account -> new Update());
    }

    /**
     * Applies {@code update} to the account if nobody wrote it since {@code read} was read (its revision is still
     * {@code read.rev()}), raising the revision. False when it changed meanwhile: read again and decide again.
     */
    public boolean compareAndSet(PersonalAccount read, Update update) {
        Query unchanged = Query.query(Criteria.where(ID).is(read.accountNumber()).and(REVISION).is(read.rev()));
        return mongo.updateFirst(unchanged, update.inc(REVISION, 1), ACCOUNTS).getModifiedCount() == 1;
    }

    /**
     * Reads the account, asks {@code change} what to write and writes it by compare-and-set, again on a newer state
     * when a concurrent write came first. Empty when the account does not exist; else what {@code change} decided:
     * an empty update means nothing to do.
     */
    public Optional<PersonalAccount> update(String accountNumber, Function<PersonalAccount, Optional<Update>> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<PersonalAccount> read = findByAccountNumber(accountNumber);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Optional<Update> update = change.apply(read.get());
            if (update.isEmpty()) {
                return read;
            }
            if (compareAndSet(read.get(), update.get())) {
                return findByAccountNumber(accountNumber);
            }
        }
        throw new IllegalStateException("account " + accountNumber + " kept changing under " + ATTEMPTS + " attempts");
    }

    // ---- the document ---------------------------------------------------------------------------------------------

    /** The stored form of an account: its fields, with the account number as {@code _id}. */
    public Document document(PersonalAccount account) {
        return document(mongo, account);
    }

    /** The stored form of an account, for a store that writes accounts with its own MongoOperations. */
    public static Document document(MongoOperations mongo, PersonalAccount account) {
        Document document = new Document();
        mongo.getConverter().write(account, document);
        document.remove("_class");
        document.remove("accountNumber");
        Document keyed = new Document(ID, account.accountNumber());
        keyed.putAll(document);
        return keyed;
    }

    /** The stored form of a ledger entry, as it sits in an account's {@code entries}. */
    public Document entryDocument(LedgerEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        document.remove("_class");
        return document;
    }

    /** An account read from its stored form. */
    public PersonalAccount read(Document document) {
        Document copy = new Document(document);
        copy.put("accountNumber", document.get(ID));
        copy.putIfAbsent(REVISION, 0L);
        return mongo.getConverter().read(PersonalAccount.class, copy);
    }

    private static Query byId(String accountNumber) {
        return Query.query(Criteria.where(ID).is(accountNumber));
    }

    private void insertAll(String collection, List<Object> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        bulk.insert(documents);
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
