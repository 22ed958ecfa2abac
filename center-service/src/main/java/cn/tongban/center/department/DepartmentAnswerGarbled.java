package cn.tongban.center.department;

import org.springframework.http.HttpStatus;

/**
 * The department answered, but not so that the answer can be relied on: not JSON, a field missing or malformed, an
 * answer about another person or instruction, or a status its API does not have. Not retried: asking again would
 * most likely get the same answer. Counts against the department's circuit breaker.
 */
public final class DepartmentAnswerGarbled extends DepartmentException {

    public static final String CODE = "DEPARTMENT_ANSWER_GARBLED";

    private DepartmentAnswerGarbled(Department department, String reasonCode, String what, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, CODE, department, reasonCode,
                service(department) + "的应答无法识别（" + what + "），请稍后再试或转人工核验", cause);
    }

    static DepartmentAnswerGarbled notJson(Department department, Throwable cause) {
        return new DepartmentAnswerGarbled(department, "NOT_JSON", "不是有效的 JSON", cause);
    }

    static DepartmentAnswerGarbled fieldMissing(Department department, String field) {
        return new DepartmentAnswerGarbled(department, "FIELD_MISSING", "缺少字段 " + field, null);
    }

    static DepartmentAnswerGarbled fieldInvalid(Department department, String field, String value) {
        return new DepartmentAnswerGarbled(department, "FIELD_INVALID", "字段 " + field + " 的值无效：" + abbreviate(value), null);
    }

    /** The answer is about another person, enterprise or instruction than the one asked about. */
    static DepartmentAnswerGarbled wrongSubject(Department department, String field) {
        return new DepartmentAnswerGarbled(department, "WRONG_SUBJECT", "应答的 " + field + " 与查询的不一致", null);
    }

    static DepartmentAnswerGarbled unexpectedStatus(Department department, int status) {
        return new DepartmentAnswerGarbled(department, "UNEXPECTED_STATUS", "意外的 HTTP 状态 " + status, null);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
