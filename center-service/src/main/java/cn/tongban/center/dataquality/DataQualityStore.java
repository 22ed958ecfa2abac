package cn.tongban.center.dataquality;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.Employer;
import cn.tongban.contracts.Money;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The data-quality capability's database: imported records go into the center's {@code accounts} and
 * {@code employers} collections (those of {@link AccountStore}), bad rows into {@value #QUARANTINE}, batch reports
 * into {@value #BATCHES}; the report reads the stored records as raw documents, so that a record the domain types
 * would refuse (an invalid identity number) is reported, not an error.
 *
 * <p>An imported account is the document the mapping writes for its {@link cn.tongban.center.account.PersonalAccount}
 * plus {@code bankAccount} (YHZH, which the account record does not hold yet), {@code importBatch},
 * {@code importLine} and, when there is something to check by hand, {@code reviewFlags} ({@code code}, {@code field},
 * {@code detail}). An imported employer has the fields of {@link Employer} plus the same four; its credit code may
 * fail the check character (flag {@code CREDIT_CODE_CHECK_FAILED}).
 */
@Repository
public class DataQualityStore implements ImportTarget, StoredRecords {

    public static final String QUARANTINE = "import_quarantine";
    public static final String BATCHES = "import_batches";

    private static final int DUPLICATE_KEY = 11000;
    private static final List<String> CLOSED = Arrays.stream(AccountState.values()).filter(AccountState::isClosed)
            .map(Enum::name).toList();

    private final MongoOperations mongo;

    DataQualityStore(MongoOperations mongo) {
        this.mongo = mongo;
        // the same indexes as AccountStore's, so that an import is safe whichever store started first
        AccountStore.createIndexes(mongo);
        mongo.indexOps(QUARANTINE).createIndex(new Index().on("batchId", Sort.Direction.ASC).on("line", Sort.Direction.ASC).named("batch_line"));
        mongo.indexOps(BATCHES).createIndex(new Index().on("startedAt", Sort.Direction.DESC).named("started"));
    }

    // ---- import --------------------------------------------------------------------------------------------------

    @Override
    public Set<String> existing(Column key, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        String collection = key == Column.GRZH ? AccountStore.ACCOUNTS : AccountStore.EMPLOYERS;
        String field = switch (key) {
            case GRZH -> AccountStore.ID;
            case DWZH -> "accountNumber";
            case TYSHXYDM -> "creditCode";
            default -> throw new IllegalArgumentException(key + " is no unique column");
        };
        Query query = Query.query(Criteria.where(field).in(values));
        query.fields().include(field);
        Set<String> found = new HashSet<>();
        mongo.find(query, Document.class, collection).forEach(d -> found.add(String.valueOf(d.get(field))));
        return found;
    }

    @Override
    public Map<String, Set<String>> openAccountsOf(Collection<String> identityNumbers) {
        if (identityNumbers.isEmpty()) {
            return Map.of();
        }
        // only the key of the identity index in the query: the state is checked here
        Query query = Query.query(Criteria.where(AccountStore.IDENTITY_NUMBER).in(identityNumbers));
        query.fields().include(AccountStore.IDENTITY_NUMBER, AccountStore.STATE);
        Map<String, Set<String>> open = new TreeMap<>();
        for (Document d : mongo.find(query, Document.class, AccountStore.ACCOUNTS)) {
            if (!CLOSED.contains(d.getString(AccountStore.STATE))) {
                open.computeIfAbsent(d.getString(AccountStore.IDENTITY_NUMBER), k -> new TreeSet<>())
                        .add(d.getString(AccountStore.ID));
            }
        }
        return open;
    }

    @Override
    public Set<String> insertAccounts(BatchId batch, Collection<ImportedAccount> accounts) {
        List<Document> documents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ImportedAccount imported : accounts) {
            Document document = AccountStore.document(mongo, imported.account().withBankAccount(imported.bankAccount()));
            documents.add(withImport(document, batch, imported.line(), imported.reviewFlags()));
            keys.add(imported.account().accountNumber());
        }
        AccountStore.registerHolders(mongo, accounts.stream().map(ImportedAccount::account).toList());
        return insert(AccountStore.ACCOUNTS, documents, keys);
    }

    @Override
    public Set<String> insertEmployers(BatchId batch, Collection<ImportedEmployer> employers) {
        List<Document> documents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ImportedEmployer employer : employers) {
            // written field by field: the import keeps a pilot-area code that fails its check (CreditCode.lenient reads it back)
            Document document = new Document("accountNumber", employer.accountNumber())
                    .append("creditCode", employer.creditCode())
                    .append("name", employer.name())
                    .append("unitRate", mongo.getConverter().convertToMongoType(employer.unitRate()))
                    .append("personalRate", mongo.getConverter().convertToMongoType(employer.personalRate()));
            if (employer.bankAccount() != null) {
                document.append("bankAccount", employer.bankAccount());
            }
            document.append("_class", Employer.class.getName());
            documents.add(withImport(document, batch, employer.line(), employer.reviewFlags()));
            keys.add(employer.accountNumber());
        }
        return insert(AccountStore.EMPLOYERS, documents, keys);
    }

    private static Document withImport(Document document, BatchId batch, int line, List<Finding> flags) {
        document.put("importBatch", batch.value());
        document.put("importLine", line);
        if (!flags.isEmpty()) {
            document.put("reviewFlags", flags.stream().map(DataQualityStore::finding).toList());
        }
        return document;
    }

    /** Inserts unordered; returns the keys of the documents refused as duplicates, throws on any other error. */
    private Set<String> insert(String collection, List<Document> documents, List<String> keys) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        bulk.insert(documents.stream().map(d -> (Object) d).toList());
        try {
            bulk.execute();
            return Set.of();
        } catch (BulkOperationException e) {
            Set<String> taken = new HashSet<>();
            for (var error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(keys.get(error.getIndex()));
            }
            return taken;
        }
    }

    @Override
    public void quarantine(Collection<QuarantinedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Document> documents = rows.stream().map(row -> new Document("batchId", row.batchId().value())
                .append("line", row.line())
                .append("raw", row.raw())
                .append("reasons", row.reasons().stream().map(DataQualityStore::finding).toList())).toList();
        mongo.getCollection(QUARANTINE).insertMany(documents);
    }

    @Override
    public void saveBatch(BatchReport report) {
        Document reasons = new Document();
        report.reasonsByCode().forEach((code, count) -> reasons.append(code.name(), count));
        Document document = new Document("_id", report.batchId().value())
                .append("format", report.format().name())
                .append("fileName", report.fileName())
                .append("importedBy", report.importedBy())
                .append("startedAt", Date.from(report.startedAt()))
                .append("finishedAt", report.finishedAt() == null ? null : Date.from(report.finishedAt()))
                .append("status", report.status().name())
                .append("rowsRead", report.rowsRead())
                .append("imported", report.imported())
                .append("quarantined", report.quarantined())
                .append("flaggedForReview", report.flaggedForReview())
                .append("blankRowsSkipped", report.blankRowsSkipped())
                .append("reasonsByCode", reasons);
        mongo.getCollection(BATCHES).replaceOne(new Document("_id", report.batchId().value()), document,
                new ReplaceOptions().upsert(true));
    }

    // ---- batches and quarantine ------------------------------------------------------------------------------------

    public Optional<BatchReport> batch(BatchId id) {
        return Optional.ofNullable(mongo.getCollection(BATCHES).find(new Document("_id", id.value())).first())
                .map(DataQualityStore::batchReport);
    }

    /** The batch's quarantined rows in file order, one page. */
    public List<QuarantinedRow> quarantined(BatchId id, int page, int size) {
        Query query = Query.query(Criteria.where("batchId").is(id.value()))
                .with(Sort.by("line")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, QUARANTINE).stream().map(DataQualityStore::quarantinedRow).toList();
    }

    public long countQuarantined(BatchId id) {
        return mongo.count(Query.query(Criteria.where("batchId").is(id.value())), QUARANTINE);
    }

    @Override
    public List<BatchReport> recentBatches(int count) {
        List<BatchReport> batches = new ArrayList<>();
        mongo.getCollection(BATCHES).find().sort(new Document("startedAt", -1)).limit(count)
                .forEach(d -> batches.add(batchReport(d)));
        return batches;
    }

    // ---- the report's reading --------------------------------------------------------------------------------------

    @Override
    public Stream<StoredAccount> accountsByIdentityNumber() {
        Query query = new Query().with(Sort.by("identityNumber"));
        query.fields().include(AccountStore.ID, "identityNumber", "state", "openedOn", "balance", "contributions",
                "bankAccount");
        return mongo.stream(query, Document.class, AccountStore.ACCOUNTS).map(this::storedAccount);
    }

    @Override
    public Stream<StoredEmployer> employers() {
        Query query = new Query();
        query.fields().include("accountNumber", "creditCode", "name", "bankAccount");
        return mongo.stream(query, Document.class, AccountStore.EMPLOYERS)
                .map(d -> new StoredEmployer(text(d.get("accountNumber")), text(d.get("creditCode")),
                        text(d.get("name")), text(d.get("bankAccount"))));
    }

    private StoredAccount storedAccount(Document d) {
        long total = 0;
        int months = 0;
        if (d.get("contributions") instanceof List<?> contributions) {
            for (Object month : contributions) {
                if (month instanceof Document m && m.get("amount") instanceof Number amount) {
                    total += amount.longValue();
                    months++;
                }
            }
        }
        return new StoredAccount(text(d.get(AccountStore.ID)), text(d.get("identityNumber")), text(d.get("state")),
                date(d.get("openedOn")), d.get("balance") instanceof Number fen ? Money.ofFen(fen.longValue()) : null,
                Money.ofFen(total), months, text(d.get("bankAccount")));
    }

    /** A date as the mapping wrote it (a Date at midnight UTC), read back through the same conversions. */
    private LocalDate date(Object value) {
        if (value instanceof Date date) {
            return mongo.getConverter().getConversionService().convert(date, LocalDate.class);
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Document finding(Finding finding) {
        return new Document("code", finding.code().name()).append("field", finding.field()).append("detail", finding.detail());
    }

    private static Finding finding(Document d) {
        return new Finding(IssueCode.valueOf(d.getString("code")), d.getString("field"), d.getString("detail"));
    }

    private static QuarantinedRow quarantinedRow(Document d) {
        List<Finding> reasons = d.getList("reasons", Document.class).stream().map(DataQualityStore::finding).toList();
        return new QuarantinedRow(BatchId.of(d.getString("batchId")), d.getInteger("line"), d.getString("raw"), reasons);
    }

    private static BatchReport batchReport(Document d) {
        Map<IssueCode, Long> reasons = new EnumMap<>(IssueCode.class);
        d.get("reasonsByCode", Document.class).forEach((code, count) -> reasons.put(IssueCode.valueOf(code),
                ((Number) count).longValue()));
        Date finished = d.getDate("finishedAt");
        return new BatchReport(BatchId.of(d.getString("_id")), ImportFormat.valueOf(d.getString("format")),
                d.getString("fileName"), d.getString("importedBy"), d.getDate("startedAt").toInstant(),
                finished == null ? null : finished.toInstant(), BatchReport.Status.valueOf(d.getString("status")),
                number(d, "rowsRead"), number(d, "imported"), number(d, "quarantined"), number(d, "flaggedForReview"),
                number(d, "blankRowsSkipped"), reasons);
    }

    private static long number(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }
}
