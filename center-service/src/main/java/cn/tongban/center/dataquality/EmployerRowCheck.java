package cn.tongban.center.dataquality;

import static cn.tongban.center.dataquality.Column.DWJCBL;
import static cn.tongban.center.dataquality.Column.DWMC;
import static cn.tongban.center.dataquality.Column.DWZH;
import static cn.tongban.center.dataquality.Column.GRJCBL;
import static cn.tongban.center.dataquality.Column.TYSHXYDM;
import static cn.tongban.center.dataquality.Column.YHZH;

import cn.tongban.contracts.CreditCode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The check of one row of an {@link ImportFormat#EMPLOYERS} file (单位账户数据校验): {@link IssueCode#MISSING_FIELD},
 * {@link IssueCode#INVALID_CREDIT_CODE} for a {@code TYSHXYDM} not even shaped like a credit code (length, characters,
 * division digits), {@link IssueCode#RATE_OUT_OF_RANGE} and {@link IssueCode#BAD_AMOUNT} for the rates; warnings
 * {@link IssueCode#CREDIT_CODE_CHECK_FAILED} for a well-shaped code whose check characters fail (legal in early pilot
 * areas: imported, checked by hand) and {@link IssueCode#MISSING_BANK_ACCOUNT}.
 */
public final class EmployerRowCheck {

    /** 18 characters of GB 32100's alphabet (no I, O, S, V, Z), the administrative division in digits. */

    private final ImportRules rules;

    public EmployerRowCheck(ImportRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RowVerdict<ImportedEmployer> check(CsvRow row) {
        FieldReader fields = new FieldReader(row, rules);
        String accountNumber = fields.required(DWZH);
        String name = fields.required(DWMC);
        String creditCode = creditCode(fields);
        BigDecimal unitRate = fields.rate(DWJCBL);
        BigDecimal personalRate = fields.rate(GRJCBL);
        String bankAccount = fields.bankAccount(YHZH, true);
        if (fields.refused()) {
            return new RowVerdict.Refused<>(fields.findings());
        }
        return new RowVerdict.Accepted<>(new ImportedEmployer(row.line(), accountNumber, creditCode, name, unitRate,
                personalRate, bankAccount, fields.warnings()));
    }

    /** Whether a code has the length, the characters and the division digits of a credit code, its checks aside. */
    static boolean isShapedLikeCreditCode(String code) {
        return CreditCode.shapeProblemWith(code).isEmpty();
    }

    private static String creditCode(FieldReader fields) {
        String text = fields.required(TYSHXYDM);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        Optional<String> problem = CreditCode.problemWith(code);
        if (problem.isEmpty()) {
            return code;
        }
        if (isShapedLikeCreditCode(code)) {
            fields.add(Finding.of(IssueCode.CREDIT_CODE_CHECK_FAILED, TYSHXYDM, problem.get()
                    + "; legal for some early pilot areas, to be checked by hand"));
            return code;
        }
        fields.add(Finding.of(IssueCode.INVALID_CREDIT_CODE, TYSHXYDM, problem.get()));
        return null;
    }
}
