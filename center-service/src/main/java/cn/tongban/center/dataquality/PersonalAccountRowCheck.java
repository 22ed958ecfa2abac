package cn.tongban.center.dataquality;

import static cn.tongban.center.dataquality.Column.DWJCBL;
import static cn.tongban.center.dataquality.Column.DWMC;
import static cn.tongban.center.dataquality.Column.DWZH;
import static cn.tongban.center.dataquality.Column.GRJCBL;
import static cn.tongban.center.dataquality.Column.GRJCJS;
import static cn.tongban.center.dataquality.Column.GRZH;
import static cn.tongban.center.dataquality.Column.GRZHYE;
import static cn.tongban.center.dataquality.Column.GRZHZT;
import static cn.tongban.center.dataquality.Column.KHRQ;
import static cn.tongban.center.dataquality.Column.XINGMING;
import static cn.tongban.center.dataquality.Column.YHZH;
import static cn.tongban.center.dataquality.Column.ZJHM;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The check of one row of a {@link ImportFormat#PERSONAL_ACCOUNTS} file (个人账户数据校验), every field on its own so
 * that all reasons are found:
 * <ul>
 *   <li>{@link IssueCode#MISSING_FIELD} for each empty required column;</li>
 *   <li>{@link IssueCode#INVALID_IDENTITY_NUMBER}: {@code ZJHM} fails GB 11643 (lower-case x is accepted);</li>
 *   <li>{@link IssueCode#IMPOSSIBLE_DATE}: {@code KHRQ} does not exist, lies in the future, lies before 1991, or
 *       before the holder turned 16 (from the birth date in {@code ZJHM});</li>
 *   <li>{@link IssueCode#UNKNOWN_ACCOUNT_STATE}: {@code GRZHZT} is not a JGJ/T 320 code (01–06, 99); a leading zero a
 *       spreadsheet dropped ({@code 1}) is put back;</li>
 *   <li>{@link IssueCode#RATE_OUT_OF_RANGE}: {@code DWJCBL} or {@code GRJCBL} outside 5%–12%;</li>
 *   <li>{@link IssueCode#BAD_AMOUNT}: {@code GRJCJS} or {@code GRZHYE} not an amount with at most two decimals, a base
 *       not above zero, a rate that is not a number;</li>
 *   <li>{@link IssueCode#NEGATIVE_BALANCE}: {@code GRZHYE} below zero;</li>
 *   <li>warning {@link IssueCode#MISSING_BANK_ACCOUNT}: no {@code YHZH} for an account that is not closed, or one
 *       that is no account number (10 to 32 digits).</li>
 * </ul>
 * Duplicates (in the file, in the database, the same person twice) need more than one row: {@link LegacyImport}.
 */
public final class PersonalAccountRowCheck {

    private final ImportRules rules;

    public PersonalAccountRowCheck(ImportRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RowVerdict<ImportedAccount> check(CsvRow row) {
        FieldReader fields = new FieldReader(row, rules);
        String accountNumber = fields.required(GRZH);
        String name = fields.required(XINGMING);
        IdentityNumber identity = fields.identityNumber(ZJHM);
        String employerAccount = fields.required(DWZH);
        String employerName = fields.optional(DWMC);
        LocalDate openedOn = openedOn(fields, identity);
        AccountState state = state(fields);
        Money base = fields.amount(GRJCJS);
        if (base != null && base.fen() <= 0) {
            fields.add(Finding.of(IssueCode.BAD_AMOUNT, GRJCJS, "a contribution base is above zero, not " + base));
            base = null;
        }
        BigDecimal unitRate = fields.rate(DWJCBL);
        BigDecimal personalRate = fields.rate(GRJCBL);
        Money balance = fields.amount(GRZHYE);
        if (balance != null && balance.isNegative()) {
            fields.add(Finding.of(IssueCode.NEGATIVE_BALANCE, GRZHYE, "the balance " + balance + " is below zero"));
        }
        String bankAccount = fields.bankAccount(YHZH, state == null || !state.isClosed());
        if (fields.refused()) {
            return new RowVerdict.Refused<>(fields.findings());
        }
        PersonalAccount account = new PersonalAccount(accountNumber, identity, name, employerAccount, employerName,
                openedOn, state, base, unitRate, personalRate, balance, List.of(), List.of());
        return new RowVerdict.Accepted<>(new ImportedAccount(row.line(), account, bankAccount, fields.warnings()));
    }

    private LocalDate openedOn(FieldReader fields, IdentityNumber identity) {
        LocalDate openedOn = fields.pastDate(KHRQ);
        if (openedOn == null) {
            return null;
        }
        if (openedOn.isBefore(rules.earliestOpening())) {
            fields.add(Finding.of(IssueCode.IMPOSSIBLE_DATE, KHRQ, "opened on " + openedOn + ", before the housing"
                    + " provident fund existed (" + rules.earliestOpening().getYear() + ")"));
            return null;
        }
        if (identity != null) {
            LocalDate ofAge = identity.birthDate().plusYears(rules.minimumWorkingAge());
            if (openedOn.isBefore(ofAge)) {
                fields.add(Finding.of(IssueCode.IMPOSSIBLE_DATE, KHRQ, "opened on " + openedOn + ", before the holder"
                        + " turned " + rules.minimumWorkingAge() + " (born " + identity.birthDate() + ")"));
                return null;
            }
        }
        return openedOn;
    }

    private static AccountState state(FieldReader fields) {
        String code = fields.required(GRZHZT);
        if (code == null) {
            return null;
        }
        String padded = code.length() == 1 ? "0" + code : code;
        Optional<AccountState> state = Arrays.stream(AccountState.values()).filter(s -> s.code().equals(padded)).findFirst();
        if (state.isEmpty()) {
            fields.add(Finding.of(IssueCode.UNKNOWN_ACCOUNT_STATE, GRZHZT, "'" + code + "' is not a state code of"
                    + " JGJ/T 320 (01 正常, 02 封存, 03 合并销户, 04 外部转出销户, 05 提取销户, 06 冻结, 99 其他)"));
        }
        return state.orElse(null);
    }
}
