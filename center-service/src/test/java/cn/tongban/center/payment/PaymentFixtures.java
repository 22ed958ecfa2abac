package cn.tongban.center.payment;

import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.contracts.Money;
import java.net.URI;
import java.time.Duration;

/** Test data for payments: a withdrawal to pay, the bank's answers to it, the settings the tests run with. */
final class PaymentFixtures {

    static final String CASE = "110000-20261125-000042";
    static final String INSTRUCTION = "WD-" + CASE;
    static final String PAYMENTS = "/bank/v1/payments";
    static final String STATUS = PAYMENTS + "/" + INSTRUCTION;
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private PaymentFixtures() {
    }

    static WithdrawalPayment aWithdrawal() {
        return new WithdrawalPayment(CASE, "110000000123", BankAccountNumber.of("6217000010001234567"), "张三",
                Money.parse("52000.00"));
    }

    static DepartmentsProperties departments(String baseUrl, int maxSends) {
        DepartmentsProperties.Timeouts timeouts = new DepartmentsProperties.Timeouts(Duration.ofSeconds(1),
                TestDepartments.READ_TIMEOUT);
        return new DepartmentsProperties(URI.create(baseUrl), timeouts, timeouts, timeouts, timeouts,
                new DepartmentsProperties.Bank(Duration.ofSeconds(1), TestDepartments.READ_TIMEOUT,
                        new DepartmentsProperties.Payments(maxSends, Duration.ofSeconds(10), STALE_AFTER, Duration.ofMinutes(1))));
    }

    static String accepted() {
        return """
                {"instructionId": "%s", "idempotencyKey": "%s", "bankReference": "BR%s", "amountFen": 5200000,
                 "currency": "CNY", "status": "ACCEPTED", "acceptedAt": "2026-11-25T02:00:00Z"}""".formatted(INSTRUCTION,
                INSTRUCTION, INSTRUCTION);
    }

    static String settled() {
        return """
                {"instructionId": "%s", "bankReference": "BR%s", "status": "SETTLED", "settledAt": "2026-11-25T02:00:05Z"}"""
                .formatted(INSTRUCTION, INSTRUCTION);
    }

    static String neverReceived() {
        return """
                {"type": "https://departments.example/problems/instruction-not-found", "status": 404,
                 "code": "INSTRUCTION_NOT_FOUND", "detail": "The bank has no payment instruction with this id"}""";
    }

    /** Well beyond the bank's read timeout in the tests. */
    static int beyondTheTimeout() {
        return (int) TestDepartments.READ_TIMEOUT.toMillis() * 3;
    }
}
