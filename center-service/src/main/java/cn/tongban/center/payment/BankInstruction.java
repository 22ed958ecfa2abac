package cn.tongban.center.payment;

import cn.tongban.center.department.InstructionId;

/**
 * An instruction to the bank — a payment out (提取支付) or a debit in (扣款) — as far as the at-most-once discipline
 * of {@link BankInstructions} needs it.
 */
public interface BankInstruction {

    /** The stored {@code _id}, the instruction id as text. */
    String id();

    InstructionId instructionId();

    PaymentState state();

    /** How often it was sent to the bank. */
    int sends();

    String bankReference();

    String failureReason();
}
