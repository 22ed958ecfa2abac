package cn.tongban.center.dataquality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** An {@link ImportTarget} in memory, for the import's rules without a database. */
final class InMemoryImportTarget implements ImportTarget {

    final Map<String, ImportedAccount> accounts = new LinkedHashMap<>();
    final Map<String, ImportedEmployer> employers = new LinkedHashMap<>();
    /** Stored accounts that are not closed, by identity number (besides those imported). */
    final Map<String, Set<String>> storedOpenAccounts = new TreeMap<>();
    final Set<String> storedKeys = new HashSet<>();
    /** Keys someone else stores between the import's check and its insert. */
    final Set<String> storedMeanwhile = new HashSet<>();
    final List<QuarantinedRow> quarantine = new ArrayList<>();
    final List<BatchReport> batchHistory = new ArrayList<>();
    RuntimeException failOnInsert;

    @Override
    public Set<String> existing(Column key, Collection<String> values) {
        Set<String> found = new TreeSet<>();
        for (String value : values) {
            if (storedKeys.contains(value) || accounts.containsKey(value) || employers.containsKey(value)) {
                found.add(value);
            }
        }
        return found;
    }

    @Override
    public Map<String, Set<String>> openAccountsOf(Collection<String> identityNumbers) {
        Map<String, Set<String>> open = new TreeMap<>();
        for (String identityNumber : identityNumbers) {
            if (storedOpenAccounts.containsKey(identityNumber)) {
                open.put(identityNumber, storedOpenAccounts.get(identityNumber));
            }
        }
        return open;
    }

    @Override
    public Set<String> insertAccounts(BatchId batch, Collection<ImportedAccount> inserted) {
        if (failOnInsert != null) {
            throw failOnInsert;
        }
        Set<String> taken = new TreeSet<>();
        for (ImportedAccount account : inserted) {
            String key = account.account().accountNumber();
            if (storedMeanwhile.contains(key) || accounts.containsKey(key)) {
                taken.add(key);
            } else {
                accounts.put(key, account);
            }
        }
        return taken;
    }

    @Override
    public Set<String> insertEmployers(BatchId batch, Collection<ImportedEmployer> inserted) {
        Set<String> taken = new TreeSet<>();
        for (ImportedEmployer employer : inserted) {
            if (storedMeanwhile.contains(employer.accountNumber()) || employers.containsKey(employer.accountNumber())) {
                taken.add(employer.accountNumber());
            } else {
                employers.put(employer.accountNumber(), employer);
            }
        }
        return taken;
    }

    @Override
    public void quarantine(Collection<QuarantinedRow> rows) {
        quarantine.addAll(rows);
    }

    @Override
    public void saveBatch(BatchReport report) {
        batchHistory.add(report);
    }

    QuarantinedRow quarantinedLine(int line) {
        return quarantine.stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("line " + line + " is not quarantined: " + quarantine));
    }
}
