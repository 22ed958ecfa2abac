package cn.tongban.center.department;

/**
 * The id of a payment instruction to the bank (支付指令号), also its idempotency key there: the bank executes an
 * instruction id at most once, however often it is sent. Derived from the case it pays, so that the same case can never
 * make a second, different instruction. 8 to 64 of A-Z, a-z, 0-9 and {@code . _ : -}, as the bank accepts.
 */
public record InstructionId(String value) {

    /** The prefix of the instructions that pay withdrawals (提取). */
    public static final String WITHDRAWAL_PREFIX = "WD-";

    public InstructionId {
        if (value == null || !value.matches("[A-Za-z0-9._:-]{8,64}")) {
            throw new IllegalArgumentException("an instruction id is 8 to 64 of A-Z, a-z, 0-9 and . _ : -: " + value);
        }
    }

    public static InstructionId of(String value) {
        return new InstructionId(value);
    }

    /** The instruction that pays the withdrawal of case {@code caseId}: {@code WD-<caseId>}. */
    public static InstructionId forWithdrawal(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a withdrawal is paid for a case");
        }
        return new InstructionId(WITHDRAWAL_PREFIX + caseId);
    }

    public boolean paysWithdrawal() {
        return value.startsWith(WITHDRAWAL_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
