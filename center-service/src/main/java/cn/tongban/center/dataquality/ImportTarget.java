package cn.tongban.center.dataquality;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Where {@link LegacyImport} writes, and what it must know of the records already there. */
public interface ImportTarget {

    /** Of {@code values} of a unique column ({@code GRZH}, {@code DWZH}, {@code TYSHXYDM}), those already stored. */
    Set<String> existing(Column key, Collection<String> values);

    /** For each of these identity numbers, the numbers of the person's stored accounts that are not closed. */
    Map<String, Set<String>> openAccountsOf(Collection<String> identityNumbers);

    /**
     * Stores the accounts, with the batch id, bank account and review flags beside each.
     *
     * @return the account numbers that were stored meanwhile by someone else and so were not inserted
     */
    Set<String> insertAccounts(BatchId batch, Collection<ImportedAccount> accounts);

    /** As {@link #insertAccounts}: returns the unit account numbers not inserted because they exist. */
    Set<String> insertEmployers(BatchId batch, Collection<ImportedEmployer> employers);

    void quarantine(Collection<QuarantinedRow> rows);

    /** Records the batch as it stands (first {@code RUNNING}, then finished), replacing what was recorded. */
    void saveBatch(BatchReport report);
}
