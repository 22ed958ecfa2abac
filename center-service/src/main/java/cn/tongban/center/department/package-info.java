/**
 * The external departments a center asks (外部门协同): bank settlement (银行结算), identity verification (身份核验),
 * social security (社保), market regulation (市场监管) and the real-estate registry (不动产登记).
 *
 * <p>Each department has a client that speaks its REST API and answers with small value records; a refusal the
 * department gives about the person (not insured, no registration record, name mismatch …) is such an answer, not
 * an error. What can go wrong on the way is one of three {@link cn.tongban.center.department.DepartmentException}s,
 * each with a stable code and a reason a clerk can read out, never a stack trace:
 * {@link cn.tongban.center.department.DepartmentUnavailable unavailable} (timeout, refused connection, 5xx, circuit
 * open, too many calls at once), {@link cn.tongban.center.department.DepartmentAnswerGarbled garbled} (not JSON,
 * fields missing, about someone else) and {@link cn.tongban.center.department.DepartmentRefusedRequest refused}
 * (the department says our request is malformed).
 *
 * <p>Every call passes a {@link cn.tongban.center.department.DepartmentGuard}: a Resilience4j circuit breaker and
 * bulkhead per endpoint, and a retry for the idempotent queries only; the payment instruction is never retried here
 * (the payment capability decides, after asking the bank). The HTTP client's connect and read timeouts are the real
 * timeouts. Configuration: {@code tongban.departments.*} ({@link cn.tongban.center.department.DepartmentsProperties})
 * and {@code resilience4j.*} in {@code center.yml}.
 */
package cn.tongban.center.department;
