package cn.tongban.center.department;

import cn.tongban.kit.web.ApiProblem;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A call to an external department that brought no usable answer. The message is a reason a clerk can read out
 * (in Chinese, naming the department); the {@link #reasonCode()} is stable for code and metrics. As an
 * {@link ApiProblem} it reaches a REST caller as problem details (503 or 502) with that reason, never a stack trace;
 * the cause, if any, is kept for the log.
 */
public abstract sealed class DepartmentException extends ApiProblem
        permits DepartmentUnavailable, DepartmentAnswerGarbled, DepartmentRefusedRequest {

    private final Department department;
    private final String reasonCode;

    DepartmentException(HttpStatus status, String code, Department department, String reasonCode, String reason,
                        Throwable cause) {
        super(status, code, reason, List.of());
        this.department = Objects.requireNonNull(department, "department");
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
        if (cause != null) {
            initCause(cause);
        }
    }

    public Department department() {
        return department;
    }

    /** What went wrong, e.g. {@code TIMEOUT}, {@code CIRCUIT_OPEN}, {@code FIELD_MISSING} or the department's own code. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The reason in Chinese, for the clerk and the applicant. */
    public String reason() {
        return getMessage();
    }

    static String service(Department department) {
        return department.chinese() + "服务";
    }
}
