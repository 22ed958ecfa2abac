package cn.tongban.center.department;

/**
 * A payee's bank card or account number (收款账号): 10 to 32 digits. {@link #toString()} masks it, so that it never
 * leaks whole into logs.
 */
public record BankAccountNumber(String value) {

    public BankAccountNumber {
        if (value == null) {
            throw new IllegalArgumentException("a bank account number is required");
        }
        value = value.replace(" ", "");
        if (!value.matches("\\d{10,32}")) {
            throw new IllegalArgumentException("a bank account number is 10 to 32 digits");
        }
    }

    public static BankAccountNumber of(String value) {
        return new BankAccountNumber(value);
    }

    /** For logs and screens: {@code 6222************1234}. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
