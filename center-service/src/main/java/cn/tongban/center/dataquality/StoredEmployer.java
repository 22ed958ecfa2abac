package cn.tongban.center.dataquality;

/**
 * An employer as it stands in the database, read without the checks of the domain types. Any field may be
 * {@code null}.
 *
 * @param creditCode the unified social credit code as stored, perhaps failing its check
 */
public record StoredEmployer(String accountNumber, String creditCode, String name, String bankAccount) {
}
