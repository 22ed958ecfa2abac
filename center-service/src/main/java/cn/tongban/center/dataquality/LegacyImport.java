package cn.tongban.center.dataquality;

import cn.tongban.center.account.PersonalAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The import of a legacy export (历史数据导入) as one batch: every good row is imported, every bad row quarantined with
 * every reason found, none dropped. In this order:
 * <ol>
 *   <li>the file as a whole: UTF-8 CSV ({@link CsvReader#decode}) whose header names one of the {@link ImportFormat}s
 *       with all its required columns; otherwise it is {@linkplain ImportOutcome.FileRefused refused} and nothing is
 *       written;</li>
 *   <li>each row on its own ({@link PersonalAccountRowCheck}, {@link EmployerRowCheck}), a row that is not well-formed
 *       CSV or has too few fields being {@link IssueCode#MALFORMED_ROW};</li>
 *   <li>duplicates in the file ({@link IssueCode#DUPLICATE_IN_FILE}) by each unique column of the format: rows that
 *       are the same in every field are one row written twice, so the first is kept and the others quarantined; rows
 *       that share a key but differ elsewhere are all quarantined, since nobody can tell which is right;</li>
 *   <li>keys already in the database ({@link IssueCode#ALREADY_EXISTS}), for bad rows too, so that nobody corrects a
 *       row that would be refused anyway;</li>
 *   <li>for personal accounts, a person with another account that is not closed, in the file or in the database:
 *       imported, flagged {@link IssueCode#DUPLICATE_PERSON} (a case for 合并销户);</li>
 *   <li>the good rows are inserted in chunks; a key someone stored meanwhile comes back from the database and the row
 *       is quarantined as {@link IssueCode#ALREADY_EXISTS} after all; then the bad rows are quarantined.</li>
 * </ol>
 * Plain Java: the database is behind {@link ImportTarget}.
 */
public final class LegacyImport {

    static final int CHUNK = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ImportTarget target;
    private final Clock clock;

    public LegacyImport(ImportTarget target, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param batch the id the batch gets
     * @param fileName the name of the uploaded file, for the report
     * @param importedBy who uploaded it
     */
    public ImportOutcome run(BatchId batch, String fileName, String importedBy, byte[] content) {
        CsvReader.Decoded decoded = CsvReader.decode(content);
        if (decoded instanceof CsvReader.NotText notText) {
            return new ImportOutcome.FileRefused(CsvHeader.NOT_CSV, notText.why());
        }
        CsvReader reader = new CsvReader(((CsvReader.Text) decoded).value());
        CsvRecord first = reader.next().orElseThrow(() -> new IllegalStateException("decoded text has a first line"));
        CsvHeader.Parsed parsed = CsvHeader.parse(first);
        if (parsed instanceof CsvHeader.Unrecognised refused) {
            return new ImportOutcome.FileRefused(refused.code(), refused.detail());
        }
        CsvHeader header = ((CsvHeader.Recognised) parsed).header();
        ImportRules rules = ImportRules.national(LocalDate.now(clock.withZone(CHINA)));
        BatchReport running = BatchReport.started(batch, header.format(), fileName, importedBy, clock.instant());
        target.saveBatch(running);
        Tally tally = new Tally();
        try {
            switch (header.format()) {
                case PERSONAL_ACCOUNTS -> importRows(batch, header, reader.readAll(), tally, accounts(rules));
                case EMPLOYERS -> importRows(batch, header, reader.readAll(), tally, employers(rules));
            }
        } catch (RuntimeException e) {
            target.saveBatch(tally.report(running, clock.instant(), BatchReport.Status.FAILED));
            throw e;
        }
        BatchReport completed = tally.report(running, clock.instant(), BatchReport.Status.COMPLETED);
        target.saveBatch(completed);
        return new ImportOutcome.Completed(completed);
    }

    /** What differs between the formats. */
    private interface Format<T> {
        RowVerdict<T> check(CsvRow row);

        /** The key by which the database reports a record it already holds. */
        String keyOf(T record);

        List<Finding> warningsOf(T record);

        /** Adds the warnings that need all rows of the file; the default adds none. */
        default void flagAcrossRows(List<Pending<T>> accepted) {
        }

        Set<String> insert(BatchId batch, List<T> records);
    }

    private Format<ImportedAccount> accounts(ImportRules rules) {
        PersonalAccountRowCheck check = new PersonalAccountRowCheck(rules);
        return new Format<>() {
            public RowVerdict<ImportedAccount> check(CsvRow row) {
                return check.check(row);
            }

            public String keyOf(ImportedAccount record) {
                return record.account().accountNumber();
            }

            public List<Finding> warningsOf(ImportedAccount record) {
                return record.reviewFlags();
            }

            public void flagAcrossRows(List<Pending<ImportedAccount>> accepted) {
                flagPeopleWithTwoOpenAccounts(accepted);
            }

            public Set<String> insert(BatchId batch, List<ImportedAccount> records) {
                return target.insertAccounts(batch, records);
            }
        };
    }

    private Format<ImportedEmployer> employers(ImportRules rules) {
        EmployerRowCheck check = new EmployerRowCheck(rules);
        return new Format<>() {
            public RowVerdict<ImportedEmployer> check(CsvRow row) {
                return check.check(row);
            }

            public String keyOf(ImportedEmployer record) {
                return record.accountNumber();
            }

            public List<Finding> warningsOf(ImportedEmployer record) {
                return record.reviewFlags();
            }

            public Set<String> insert(BatchId batch, List<ImportedEmployer> records) {
                return target.insertEmployers(batch, records);
            }
        };
    }

    /** One data row on its way: its findings so far and, while it has no refusal, its record. */
    private static final class Pending<T> {
        final int line;
        final String raw;
        final CsvRow row;
        final List<Finding> findings = new ArrayList<>();
        T record;

        Pending(int line, String raw, CsvRow row) {
            this.line = line;
            this.raw = raw;
            this.row = row;
        }

        void add(Finding finding) {
            findings.add(finding);
            if (finding.code().refusesRow()) {
                record = null;
            }
        }

        boolean accepted() {
            return record != null;
        }

        /** The row's value of a unique column, credit codes in upper case as they are stored. */
        String key(Column column) {
            if (row == null) {
                return "";
            }
            return column == Column.TYSHXYDM ? row.value(column).toUpperCase(Locale.ROOT) : row.value(column);
        }
    }

    private <T> void importRows(BatchId batch, CsvHeader header, List<CsvRecord> records, Tally tally, Format<T> format) {
        List<Pending<T>> rows = new ArrayList<>();
        for (CsvRecord record : records) {
            if (record.isBlank()) {
                tally.blankRows++;
                continue;
            }
            var malformation = header.malformation(record);
            if (malformation.isPresent()) {
                Pending<T> pending = new Pending<>(record.line(), record.raw(), null);
                pending.add(Finding.ofRow(IssueCode.MALFORMED_ROW, malformation.get()));
                rows.add(pending);
                continue;
            }
            CsvRow row = header.row(record);
            Pending<T> pending = new Pending<>(row.line(), row.raw(), row);
            RowVerdict<T> verdict = format.check(row);
            if (verdict instanceof RowVerdict.Accepted<T> accepted) {
                pending.record = accepted.record();
                pending.findings.addAll(format.warningsOf(accepted.record()));
            } else {
                ((RowVerdict.Refused<T>) verdict).reasons().forEach(pending::add);
            }
            rows.add(pending);
        }
        tally.rowsRead = rows.size();
        for (Column key : header.format().uniqueKeys()) {
            flagDuplicatesInFile(rows, key);
            flagAlreadyStored(rows, key);
        }
        List<Pending<T>> accepted = rows.stream().filter(Pending::accepted).toList();
        format.flagAcrossRows(accepted);
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            List<Pending<T>> chunk = accepted.subList(from, Math.min(from + CHUNK, accepted.size()));
            Set<String> taken = format.insert(batch, chunk.stream().map(p -> p.record).toList());
            for (Pending<T> pending : chunk) {
                if (taken.contains(format.keyOf(pending.record))) {
                    pending.add(Finding.ofRow(IssueCode.ALREADY_EXISTS, format.keyOf(pending.record)
                            + " was stored by someone else during this import"));
                } else {
                    tally.imported(pending.findings);
                }
            }
        }
        List<Pending<T>> refused = rows.stream().filter(p -> !p.accepted()).toList();
        for (int from = 0; from < refused.size(); from += CHUNK) {
            List<Pending<T>> chunk = refused.subList(from, Math.min(from + CHUNK, refused.size()));
            target.quarantine(chunk.stream().map(p -> new QuarantinedRow(batch, p.line, p.raw, p.findings)).toList());
            chunk.forEach(p -> tally.quarantined(p.findings));
        }
    }

    private static <T> void flagDuplicatesInFile(List<Pending<T>> rows, Column key) {
        Map<String, List<Pending<T>>> byKey = rows.stream().filter(p -> !p.key(key).isEmpty())
                .collect(Collectors.groupingBy(p -> p.key(key), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Pending<T>>> group : byKey.entrySet()) {
            List<Pending<T>> same = group.getValue();
            if (same.size() < 2) {
                continue;
            }
            Pending<T> first = same.get(0);
            boolean identical = same.stream().allMatch(p -> p.row.values().equals(first.row.values()));
            if (identical) {
                for (Pending<T> repeat : same.subList(1, same.size())) {
                    repeat.add(Finding.of(IssueCode.DUPLICATE_IN_FILE, key, "the same row as line " + first.line));
                }
            } else {
                for (Pending<T> pending : same) {
                    String others = same.stream().filter(p -> p != pending).map(p -> String.valueOf(p.line))
                            .collect(Collectors.joining(", "));
                    pending.add(Finding.of(IssueCode.DUPLICATE_IN_FILE, key, key + " " + group.getKey()
                            + " is also on line(s) " + others + " with other values"));
                }
            }
        }
    }

    private <T> void flagAlreadyStored(List<Pending<T>> rows, Column key) {
        Set<String> values = rows.stream().map(p -> p.key(key)).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> stored = new TreeSet<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            stored.addAll(target.existing(key, all.subList(from, Math.min(from + CHUNK, all.size()))));
        }
        for (Pending<T> pending : rows) {
            if (stored.contains(pending.key(key))) {
                pending.add(Finding.of(IssueCode.ALREADY_EXISTS, key, key + " " + pending.key(key)
                        + " is already in the database"));
            }
        }
    }

    /** A person may hold one open account per center: a second one (here or in the file) is flagged for merging. */
    private void flagPeopleWithTwoOpenAccounts(List<Pending<ImportedAccount>> accepted) {
        Map<String, List<Pending<ImportedAccount>>> open = accepted.stream()
                .filter(p -> !p.record.account().state().isClosed())
                .collect(Collectors.groupingBy(p -> p.record.account().identityNumber().value(), LinkedHashMap::new,
                        Collectors.toList()));
        List<String> people = List.copyOf(open.keySet());
        Map<String, Set<String>> stored = new LinkedHashMap<>();
        for (int from = 0; from < people.size(); from += CHUNK) {
            stored.putAll(target.openAccountsOf(people.subList(from, Math.min(from + CHUNK, people.size()))));
        }
        for (Map.Entry<String, List<Pending<ImportedAccount>>> person : open.entrySet()) {
            Set<String> inFile = person.getValue().stream().map(p -> p.record.account().accountNumber())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> inDatabase = stored.getOrDefault(person.getKey(), Set.of());
            if (inFile.size() + inDatabase.size() < 2) {
                continue;
            }
            for (Pending<ImportedAccount> pending : person.getValue()) {
                PersonalAccount account = pending.record.account();
                Set<String> others = new TreeSet<>(inFile);
                others.addAll(inDatabase);
                others.remove(account.accountNumber());
                Finding twice = Finding.of(IssueCode.DUPLICATE_PERSON, Column.ZJHM,
                        account.identityNumber().masked() + " also holds the open account(s) " + others);
                pending.record = pending.record.flagged(twice);
                pending.add(twice);
            }
        }
    }

    /** The counts of the batch report, kept as rows are written so that a failed batch reports what it wrote. */
    private static final class Tally {
        long rowsRead;
        long imported;
        long quarantined;
        long flagged;
        long blankRows;
        final Map<IssueCode, Long> reasons = new EnumMap<>(IssueCode.class);

        void imported(Collection<Finding> warnings) {
            imported++;
            if (!warnings.isEmpty()) {
                flagged++;
            }
            count(warnings);
        }

        void quarantined(Collection<Finding> reasons) {
            quarantined++;
            count(reasons);
        }

        private void count(Collection<Finding> findings) {
            Set<IssueCode> codes = findings.stream().map(Finding::code)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(IssueCode.class)));
            codes.forEach(code -> reasons.merge(code, 1L, Long::sum));
        }

        BatchReport report(BatchReport started, Instant finishedAt, BatchReport.Status status) {
            return new BatchReport(started.batchId(), started.format(), started.fileName(), started.importedBy(),
                    started.startedAt(), finishedAt, status, rowsRead, imported, quarantined, flagged, blankRows,
                    reasons);
        }
    }

}
