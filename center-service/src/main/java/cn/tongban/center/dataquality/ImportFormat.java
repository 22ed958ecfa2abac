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
import static cn.tongban.center.dataquality.Column.TYSHXYDM;
import static cn.tongban.center.dataquality.Column.XINGMING;
import static cn.tongban.center.dataquality.Column.YHZH;
import static cn.tongban.center.dataquality.Column.ZJHM;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two CSV formats of a legacy export (历史数据导入格式), told apart by their header line. Samples:
 * {@code src/test/resources/dataquality/personal-accounts.csv} and {@code employers.csv}.
 *
 * <h2>The file</h2>
 * UTF-8, with or without a byte-order mark (not GBK: {@link CsvReader#decode}); comma-separated as RFC 4180 (fields
 * with commas, quotes or line breaks in double quotes, a quote inside doubled), lines ending in CRLF or LF. The first
 * line is the header: the column names below, in any order, in any case, other columns of the export beside them
 * (ignored). Every other line is a record; empty lines and records of empty fields only ({@code ,,,,}) are skipped and
 * counted apart; a record may have surplus fields after the header's last column only if they are empty. Line numbers
 * are physical lines, the header being line 1; a record with a quoted line break starts on the line it starts on.
 * Values are stripped of surrounding spaces, full-width ones too.
 *
 * <h2>{@link #PERSONAL_ACCOUNTS} (个人账户), recognised by a {@code GRZH} column</h2>
 * <table>
 *   <caption>Columns of a personal-account export</caption>
 *   <tr><th>column</th><th></th><th>required</th><th>written as</th></tr>
 *   <tr><td>GRZH</td><td>个人账号</td><td>yes</td><td>text; unique in the file and in the database</td></tr>
 *   <tr><td>XINGMING</td><td>姓名</td><td>yes</td><td>text</td></tr>
 *   <tr><td>ZJHM</td><td>证件号码</td><td>yes</td><td>18-character resident identity number (GB 11643), final
 *       {@code x} or {@code X}</td></tr>
 *   <tr><td>DWZH</td><td>单位账号</td><td>yes</td><td>text</td></tr>
 *   <tr><td>DWMC</td><td>单位名称</td><td>no</td><td>text</td></tr>
 *   <tr><td>KHRQ</td><td>开户日期</td><td>yes</td><td>{@code 2012-07-16}, {@code 2012/7/16} or {@code 20120716}; not
 *       after today, not before 1991, not before the holder's 16th birthday</td></tr>
 *   <tr><td>GRZHZT</td><td>个人账户状态</td><td>yes</td><td>JGJ/T 320 code: 01 正常, 02 封存, 03 合并销户,
 *       04 外部转出销户, 05 提取销户, 06 冻结, 99 其他 ({@code 1} is read as {@code 01})</td></tr>
 *   <tr><td>GRJCJS</td><td>缴存基数</td><td>yes</td><td>yuan, at most two decimals, above zero, no thousands
 *       separators: {@code 18500.00}</td></tr>
 *   <tr><td>DWJCBL</td><td>单位缴存比例</td><td>yes</td><td>percent, 5 to 12: {@code 12}, {@code 7.5} or
 *       {@code 12%}</td></tr>
 *   <tr><td>GRJCBL</td><td>个人缴存比例</td><td>yes</td><td>as DWJCBL</td></tr>
 *   <tr><td>GRZHYE</td><td>个人账户余额</td><td>yes</td><td>yuan, at most two decimals, not below zero</td></tr>
 *   <tr><td>YHZH</td><td>银行账号</td><td>no</td><td>the bank card, 10 to 32 digits (spaces dropped); an account that
 *       is not closed without one is imported and flagged, as is any account with a malformed one (not stored)</td></tr>
 * </table>
 *
 * <h2>{@link #EMPLOYERS} (单位账户), recognised by a {@code TYSHXYDM} column and no {@code GRZH}</h2>
 * <table>
 *   <caption>Columns of an employer export</caption>
 *   <tr><th>column</th><th></th><th>required</th><th>written as</th></tr>
 *   <tr><td>DWZH</td><td>单位账号</td><td>yes</td><td>text; unique in the file and in the database</td></tr>
 *   <tr><td>DWMC</td><td>单位名称</td><td>yes</td><td>text</td></tr>
 *   <tr><td>TYSHXYDM</td><td>统一社会信用代码</td><td>yes</td><td>18 characters (GB 32100), unique; one failing only
 *       its check characters is imported and flagged (early pilot areas)</td></tr>
 *   <tr><td>DWJCBL</td><td>单位缴存比例</td><td>yes</td><td>percent, 5 to 12</td></tr>
 *   <tr><td>GRJCBL</td><td>个人缴存比例</td><td>yes</td><td>percent, 5 to 12</td></tr>
 *   <tr><td>YHZH</td><td>银行账号</td><td>no</td><td>the employer's account, 10 to 32 digits; flagged when missing or
 *       malformed</td></tr>
 * </table>
 * A file whose header names neither format, or lacks a required column, is refused whole; what becomes of each row of
 * an accepted file is {@link LegacyImport}'s business.
 */
public enum ImportFormat {

    PERSONAL_ACCOUNTS(List.of(GRZH, XINGMING, ZJHM, DWZH, KHRQ, GRZHZT, GRJCJS, DWJCBL, GRJCBL, GRZHYE),
            List.of(DWMC, YHZH), List.of(GRZH)),
    EMPLOYERS(List.of(DWZH, DWMC, TYSHXYDM, DWJCBL, GRJCBL), List.of(YHZH), List.of(DWZH, TYSHXYDM));

    private final List<Column> required;
    private final List<Column> optional;
    private final List<Column> uniqueKeys;

    ImportFormat(List<Column> required, List<Column> optional, List<Column> uniqueKeys) {
        this.required = required;
        this.optional = optional;
        this.uniqueKeys = uniqueKeys;
    }

    public List<Column> required() {
        return required;
    }

    public List<Column> optional() {
        return optional;
    }

    /** Columns no two records may share a value of, in the file or in the database. */
    public List<Column> uniqueKeys() {
        return uniqueKeys;
    }

    /** The format a header names, if any. */
    static Optional<ImportFormat> recognise(Set<Column> header) {
        if (header.contains(GRZH)) {
            return Optional.of(PERSONAL_ACCOUNTS);
        }
        if (header.contains(TYSHXYDM)) {
            return Optional.of(EMPLOYERS);
        }
        return Optional.empty();
    }
}
