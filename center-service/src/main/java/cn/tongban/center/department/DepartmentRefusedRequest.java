package cn.tongban.center.department;

import org.springframework.http.HttpStatus;

/**
 * The department refused our request as such (a 4xx that its API does not define as an answer, e.g. a malformed
 * request): a defect on our side or a changed API, not the department failing. Neither retried nor counted against
 * the circuit breaker.
 */
public final class DepartmentRefusedRequest extends DepartmentException {

    public static final String CODE = "DEPARTMENT_REFUSED_REQUEST";

    private final int departmentStatus;

    DepartmentRefusedRequest(Department department, int status, String departmentCode, String detail) {
        super(HttpStatus.BAD_GATEWAY, CODE, department, departmentCode,
                service(department) + "拒绝了本次请求（HTTP " + status + " " + departmentCode
                        + (detail == null || detail.isBlank() ? "" : "：" + detail) + "），请联系系统管理员", null);
        this.departmentStatus = status;
    }

    /** The HTTP status the department answered with. */
    public int departmentStatus() {
        return departmentStatus;
    }
}
